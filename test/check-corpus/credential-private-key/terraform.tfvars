maps_key = "AIzaSyD-9tSrke72PouQMnMX-a7eZSW0jkFMBWY"
