# 200 options
#@ phase: apply
#@ expect: ok

data "coder_parameter" "a" {
  name = "many"
  option {
    name  = "0"
    value = "0"
  }
  option {
    name  = "1"
    value = "1"
  }
  option {
    name  = "2"
    value = "2"
  }
  option {
    name  = "3"
    value = "3"
  }
  option {
    name  = "4"
    value = "4"
  }
  option {
    name  = "5"
    value = "5"
  }
  option {
    name  = "6"
    value = "6"
  }
  option {
    name  = "7"
    value = "7"
  }
  option {
    name  = "8"
    value = "8"
  }
  option {
    name  = "9"
    value = "9"
  }
  option {
    name  = "10"
    value = "10"
  }
  option {
    name  = "11"
    value = "11"
  }
  option {
    name  = "12"
    value = "12"
  }
  option {
    name  = "13"
    value = "13"
  }
  option {
    name  = "14"
    value = "14"
  }
  option {
    name  = "15"
    value = "15"
  }
  option {
    name  = "16"
    value = "16"
  }
  option {
    name  = "17"
    value = "17"
  }
  option {
    name  = "18"
    value = "18"
  }
  option {
    name  = "19"
    value = "19"
  }
  option {
    name  = "20"
    value = "20"
  }
  option {
    name  = "21"
    value = "21"
  }
  option {
    name  = "22"
    value = "22"
  }
  option {
    name  = "23"
    value = "23"
  }
  option {
    name  = "24"
    value = "24"
  }
  option {
    name  = "25"
    value = "25"
  }
  option {
    name  = "26"
    value = "26"
  }
  option {
    name  = "27"
    value = "27"
  }
  option {
    name  = "28"
    value = "28"
  }
  option {
    name  = "29"
    value = "29"
  }
  option {
    name  = "30"
    value = "30"
  }
  option {
    name  = "31"
    value = "31"
  }
  option {
    name  = "32"
    value = "32"
  }
  option {
    name  = "33"
    value = "33"
  }
  option {
    name  = "34"
    value = "34"
  }
  option {
    name  = "35"
    value = "35"
  }
  option {
    name  = "36"
    value = "36"
  }
  option {
    name  = "37"
    value = "37"
  }
  option {
    name  = "38"
    value = "38"
  }
  option {
    name  = "39"
    value = "39"
  }
  option {
    name  = "40"
    value = "40"
  }
  option {
    name  = "41"
    value = "41"
  }
  option {
    name  = "42"
    value = "42"
  }
  option {
    name  = "43"
    value = "43"
  }
  option {
    name  = "44"
    value = "44"
  }
  option {
    name  = "45"
    value = "45"
  }
  option {
    name  = "46"
    value = "46"
  }
  option {
    name  = "47"
    value = "47"
  }
  option {
    name  = "48"
    value = "48"
  }
  option {
    name  = "49"
    value = "49"
  }
  option {
    name  = "50"
    value = "50"
  }
  option {
    name  = "51"
    value = "51"
  }
  option {
    name  = "52"
    value = "52"
  }
  option {
    name  = "53"
    value = "53"
  }
  option {
    name  = "54"
    value = "54"
  }
  option {
    name  = "55"
    value = "55"
  }
  option {
    name  = "56"
    value = "56"
  }
  option {
    name  = "57"
    value = "57"
  }
  option {
    name  = "58"
    value = "58"
  }
  option {
    name  = "59"
    value = "59"
  }
  option {
    name  = "60"
    value = "60"
  }
  option {
    name  = "61"
    value = "61"
  }
  option {
    name  = "62"
    value = "62"
  }
  option {
    name  = "63"
    value = "63"
  }
  option {
    name  = "64"
    value = "64"
  }
  option {
    name  = "65"
    value = "65"
  }
  option {
    name  = "66"
    value = "66"
  }
  option {
    name  = "67"
    value = "67"
  }
  option {
    name  = "68"
    value = "68"
  }
  option {
    name  = "69"
    value = "69"
  }
  option {
    name  = "70"
    value = "70"
  }
  option {
    name  = "71"
    value = "71"
  }
  option {
    name  = "72"
    value = "72"
  }
  option {
    name  = "73"
    value = "73"
  }
  option {
    name  = "74"
    value = "74"
  }
  option {
    name  = "75"
    value = "75"
  }
  option {
    name  = "76"
    value = "76"
  }
  option {
    name  = "77"
    value = "77"
  }
  option {
    name  = "78"
    value = "78"
  }
  option {
    name  = "79"
    value = "79"
  }
  option {
    name  = "80"
    value = "80"
  }
  option {
    name  = "81"
    value = "81"
  }
  option {
    name  = "82"
    value = "82"
  }
  option {
    name  = "83"
    value = "83"
  }
  option {
    name  = "84"
    value = "84"
  }
  option {
    name  = "85"
    value = "85"
  }
  option {
    name  = "86"
    value = "86"
  }
  option {
    name  = "87"
    value = "87"
  }
  option {
    name  = "88"
    value = "88"
  }
  option {
    name  = "89"
    value = "89"
  }
  option {
    name  = "90"
    value = "90"
  }
  option {
    name  = "91"
    value = "91"
  }
  option {
    name  = "92"
    value = "92"
  }
  option {
    name  = "93"
    value = "93"
  }
  option {
    name  = "94"
    value = "94"
  }
  option {
    name  = "95"
    value = "95"
  }
  option {
    name  = "96"
    value = "96"
  }
  option {
    name  = "97"
    value = "97"
  }
  option {
    name  = "98"
    value = "98"
  }
  option {
    name  = "99"
    value = "99"
  }
  option {
    name  = "100"
    value = "100"
  }
  option {
    name  = "101"
    value = "101"
  }
  option {
    name  = "102"
    value = "102"
  }
  option {
    name  = "103"
    value = "103"
  }
  option {
    name  = "104"
    value = "104"
  }
  option {
    name  = "105"
    value = "105"
  }
  option {
    name  = "106"
    value = "106"
  }
  option {
    name  = "107"
    value = "107"
  }
  option {
    name  = "108"
    value = "108"
  }
  option {
    name  = "109"
    value = "109"
  }
  option {
    name  = "110"
    value = "110"
  }
  option {
    name  = "111"
    value = "111"
  }
  option {
    name  = "112"
    value = "112"
  }
  option {
    name  = "113"
    value = "113"
  }
  option {
    name  = "114"
    value = "114"
  }
  option {
    name  = "115"
    value = "115"
  }
  option {
    name  = "116"
    value = "116"
  }
  option {
    name  = "117"
    value = "117"
  }
  option {
    name  = "118"
    value = "118"
  }
  option {
    name  = "119"
    value = "119"
  }
  option {
    name  = "120"
    value = "120"
  }
  option {
    name  = "121"
    value = "121"
  }
  option {
    name  = "122"
    value = "122"
  }
  option {
    name  = "123"
    value = "123"
  }
  option {
    name  = "124"
    value = "124"
  }
  option {
    name  = "125"
    value = "125"
  }
  option {
    name  = "126"
    value = "126"
  }
  option {
    name  = "127"
    value = "127"
  }
  option {
    name  = "128"
    value = "128"
  }
  option {
    name  = "129"
    value = "129"
  }
  option {
    name  = "130"
    value = "130"
  }
  option {
    name  = "131"
    value = "131"
  }
  option {
    name  = "132"
    value = "132"
  }
  option {
    name  = "133"
    value = "133"
  }
  option {
    name  = "134"
    value = "134"
  }
  option {
    name  = "135"
    value = "135"
  }
  option {
    name  = "136"
    value = "136"
  }
  option {
    name  = "137"
    value = "137"
  }
  option {
    name  = "138"
    value = "138"
  }
  option {
    name  = "139"
    value = "139"
  }
  option {
    name  = "140"
    value = "140"
  }
  option {
    name  = "141"
    value = "141"
  }
  option {
    name  = "142"
    value = "142"
  }
  option {
    name  = "143"
    value = "143"
  }
  option {
    name  = "144"
    value = "144"
  }
  option {
    name  = "145"
    value = "145"
  }
  option {
    name  = "146"
    value = "146"
  }
  option {
    name  = "147"
    value = "147"
  }
  option {
    name  = "148"
    value = "148"
  }
  option {
    name  = "149"
    value = "149"
  }
  option {
    name  = "150"
    value = "150"
  }
  option {
    name  = "151"
    value = "151"
  }
  option {
    name  = "152"
    value = "152"
  }
  option {
    name  = "153"
    value = "153"
  }
  option {
    name  = "154"
    value = "154"
  }
  option {
    name  = "155"
    value = "155"
  }
  option {
    name  = "156"
    value = "156"
  }
  option {
    name  = "157"
    value = "157"
  }
  option {
    name  = "158"
    value = "158"
  }
  option {
    name  = "159"
    value = "159"
  }
  option {
    name  = "160"
    value = "160"
  }
  option {
    name  = "161"
    value = "161"
  }
  option {
    name  = "162"
    value = "162"
  }
  option {
    name  = "163"
    value = "163"
  }
  option {
    name  = "164"
    value = "164"
  }
  option {
    name  = "165"
    value = "165"
  }
  option {
    name  = "166"
    value = "166"
  }
  option {
    name  = "167"
    value = "167"
  }
  option {
    name  = "168"
    value = "168"
  }
  option {
    name  = "169"
    value = "169"
  }
  option {
    name  = "170"
    value = "170"
  }
  option {
    name  = "171"
    value = "171"
  }
  option {
    name  = "172"
    value = "172"
  }
  option {
    name  = "173"
    value = "173"
  }
  option {
    name  = "174"
    value = "174"
  }
  option {
    name  = "175"
    value = "175"
  }
  option {
    name  = "176"
    value = "176"
  }
  option {
    name  = "177"
    value = "177"
  }
  option {
    name  = "178"
    value = "178"
  }
  option {
    name  = "179"
    value = "179"
  }
  option {
    name  = "180"
    value = "180"
  }
  option {
    name  = "181"
    value = "181"
  }
  option {
    name  = "182"
    value = "182"
  }
  option {
    name  = "183"
    value = "183"
  }
  option {
    name  = "184"
    value = "184"
  }
  option {
    name  = "185"
    value = "185"
  }
  option {
    name  = "186"
    value = "186"
  }
  option {
    name  = "187"
    value = "187"
  }
  option {
    name  = "188"
    value = "188"
  }
  option {
    name  = "189"
    value = "189"
  }
  option {
    name  = "190"
    value = "190"
  }
  option {
    name  = "191"
    value = "191"
  }
  option {
    name  = "192"
    value = "192"
  }
  option {
    name  = "193"
    value = "193"
  }
  option {
    name  = "194"
    value = "194"
  }
  option {
    name  = "195"
    value = "195"
  }
  option {
    name  = "196"
    value = "196"
  }
  option {
    name  = "197"
    value = "197"
  }
  option {
    name  = "198"
    value = "198"
  }
  option {
    name  = "199"
    value = "199"
  }
}
