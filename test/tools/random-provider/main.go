// Command terraform-provider-random is a test-only stand-in for hashicorp/random (see README.md).
package main

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"math/big"
	"strconv"

	"github.com/hashicorp/terraform-plugin-sdk/v2/diag"
	"github.com/hashicorp/terraform-plugin-sdk/v2/helper/schema"
	"github.com/hashicorp/terraform-plugin-sdk/v2/helper/validation"
	"github.com/hashicorp/terraform-plugin-sdk/v2/plugin"
)

func main() {
	plugin.Serve(&plugin.ServeOpts{
		ProviderAddr: "registry.terraform.io/hashicorp/random",
		ProviderFunc: provider,
	})
}

func provider() *schema.Provider {
	return &schema.Provider{
		ResourcesMap: map[string]*schema.Resource{
			"random_password": stringResource(true),
			"random_string":   stringResource(false),
			"random_uuid":     uuidResource(),
			"random_integer":  integerResource(),
			"random_id":       idResource(),
		},
	}
}

func keepers() *schema.Schema {
	return &schema.Schema{
		Type:        schema.TypeMap,
		Optional:    true,
		ForceNew:    true,
		Elem:        &schema.Schema{Type: schema.TypeString},
		Description: "Arbitrary map of values that, when changed, will trigger recreation of the resource.",
	}
}

// Resources that only generate in Create: Read keeps state, Delete forgets it.
func readNothing(context.Context, *schema.ResourceData, interface{}) diag.Diagnostics { return nil }
func deleteNothing(_ context.Context, d *schema.ResourceData, _ interface{}) diag.Diagnostics {
	d.SetId("")
	return nil
}

func boolDefault(def bool, desc string) *schema.Schema {
	return &schema.Schema{Type: schema.TypeBool, Optional: true, ForceNew: true, Default: def, Description: desc}
}

func intDefault(desc string) *schema.Schema {
	return &schema.Schema{
		Type: schema.TypeInt, Optional: true, ForceNew: true, Default: 0,
		ValidateFunc: validation.IntAtLeast(0), Description: desc,
	}
}

const (
	lowerChars   = "abcdefghijklmnopqrstuvwxyz"
	upperChars   = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
	numericChars = "0123456789"
	specialChars = "!@#$%&*()-_=+[]{}<>:?"
)

func stringResource(sensitive bool) *schema.Resource {
	return &schema.Resource{
		Description: "Generates a random string from the enabled character classes.",
		Schema: map[string]*schema.Schema{
			"keepers": keepers(),
			"length": {
				Type: schema.TypeInt, Required: true, ForceNew: true,
				ValidateFunc: validation.IntAtLeast(1),
				Description:  "The length of the string desired.",
			},
			"special":          boolDefault(true, "Include special characters in the result."),
			"upper":            boolDefault(true, "Include uppercase alphabet characters in the result."),
			"lower":            boolDefault(true, "Include lowercase alphabet characters in the result."),
			"numeric":          boolDefault(true, "Include numeric characters in the result."),
			"min_upper":        intDefault("Minimum number of uppercase alphabet characters in the result."),
			"min_lower":        intDefault("Minimum number of lowercase alphabet characters in the result."),
			"min_numeric":      intDefault("Minimum number of numeric characters in the result."),
			"min_special":      intDefault("Minimum number of special characters in the result."),
			"override_special": {Type: schema.TypeString, Optional: true, ForceNew: true, Description: "Special characters to use instead of the default set."},
			"result":           {Type: schema.TypeString, Computed: true, Sensitive: sensitive, Description: "The generated random string."},
		},
		CreateContext: func(_ context.Context, d *schema.ResourceData, _ interface{}) diag.Diagnostics {
			special := specialChars
			if v, ok := d.GetOk("override_special"); ok {
				special = v.(string)
			}
			type class struct {
				on    bool
				min   int
				chars string
			}
			classes := []class{
				{d.Get("upper").(bool), d.Get("min_upper").(int), upperChars},
				{d.Get("lower").(bool), d.Get("min_lower").(int), lowerChars},
				{d.Get("numeric").(bool), d.Get("min_numeric").(int), numericChars},
				{d.Get("special").(bool), d.Get("min_special").(int), special},
			}
			length := d.Get("length").(int)
			var out []byte
			pool := ""
			for _, c := range classes {
				if !c.on || c.chars == "" {
					continue
				}
				pool += c.chars
				for i := 0; i < c.min; i++ {
					ch, err := pick(c.chars)
					if err != nil {
						return diag.FromErr(err)
					}
					out = append(out, ch)
				}
			}
			if pool == "" {
				return diag.Errorf("at least one character class must be enabled")
			}
			if len(out) > length {
				return diag.Errorf("length (%d) is smaller than the sum of the min_* arguments (%d)", length, len(out))
			}
			for len(out) < length {
				ch, err := pick(pool)
				if err != nil {
					return diag.FromErr(err)
				}
				out = append(out, ch)
			}
			if err := shuffle(out); err != nil {
				return diag.FromErr(err)
			}
			result := string(out)
			if err := d.Set("result", result); err != nil {
				return diag.FromErr(err)
			}
			if sensitive {
				d.SetId("none")
			} else {
				d.SetId(result)
			}
			return nil
		},
		ReadContext:   readNothing,
		DeleteContext: deleteNothing,
	}
}

func uuidResource() *schema.Resource {
	return &schema.Resource{
		Description: "Generates a random version 4 UUID.",
		Schema: map[string]*schema.Schema{
			"keepers": keepers(),
			"result":  {Type: schema.TypeString, Computed: true, Description: "The generated UUID."},
		},
		CreateContext: func(_ context.Context, d *schema.ResourceData, _ interface{}) diag.Diagnostics {
			b := make([]byte, 16)
			if _, err := rand.Read(b); err != nil {
				return diag.FromErr(err)
			}
			b[6] = (b[6] & 0x0f) | 0x40
			b[8] = (b[8] & 0x3f) | 0x80
			h := hex.EncodeToString(b)
			u := h[0:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:32]
			if err := d.Set("result", u); err != nil {
				return diag.FromErr(err)
			}
			d.SetId(u)
			return nil
		},
		ReadContext:   readNothing,
		DeleteContext: deleteNothing,
	}
}

func integerResource() *schema.Resource {
	return &schema.Resource{
		Description: "Generates a random integer in the inclusive range [min, max].",
		Schema: map[string]*schema.Schema{
			"keepers": keepers(),
			"min":     {Type: schema.TypeInt, Required: true, ForceNew: true, Description: "The minimum inclusive value of the range."},
			"max":     {Type: schema.TypeInt, Required: true, ForceNew: true, Description: "The maximum inclusive value of the range."},
			"result":  {Type: schema.TypeInt, Computed: true, Description: "The random integer result."},
		},
		CreateContext: func(_ context.Context, d *schema.ResourceData, _ interface{}) diag.Diagnostics {
			lo, hi := d.Get("min").(int), d.Get("max").(int)
			if hi < lo {
				return diag.Errorf("minimum value needs to be smaller than or equal to maximum value")
			}
			n, err := rand.Int(rand.Reader, big.NewInt(int64(hi-lo)+1))
			if err != nil {
				return diag.FromErr(err)
			}
			v := lo + int(n.Int64())
			if err := d.Set("result", v); err != nil {
				return diag.FromErr(err)
			}
			d.SetId(strconv.Itoa(v))
			return nil
		},
		ReadContext:   readNothing,
		DeleteContext: deleteNothing,
	}
}

func idResource() *schema.Resource {
	computed := func(desc string) *schema.Schema {
		return &schema.Schema{Type: schema.TypeString, Computed: true, Description: desc}
	}
	return &schema.Resource{
		Description: "Generates random bytes, exposed in several encodings.",
		Schema: map[string]*schema.Schema{
			"keepers": keepers(),
			"byte_length": {
				Type: schema.TypeInt, Required: true, ForceNew: true,
				ValidateFunc: validation.IntAtLeast(1),
				Description:  "The number of random bytes to produce.",
			},
			"prefix":  {Type: schema.TypeString, Optional: true, ForceNew: true, Description: "Arbitrary string to prefix the output value with."},
			"b64_url": computed("The generated id presented in base64, using the URL-friendly character set."),
			"b64_std": computed("The generated id presented in base64 without additional transformations."),
			"hex":     computed("The generated id presented in padded hexadecimal digits."),
			"dec":     computed("The generated id presented in non-padded decimal digits."),
		},
		CreateContext: func(_ context.Context, d *schema.ResourceData, _ interface{}) diag.Diagnostics {
			b := make([]byte, d.Get("byte_length").(int))
			if _, err := rand.Read(b); err != nil {
				return diag.FromErr(err)
			}
			prefix := d.Get("prefix").(string)
			b64url := prefix + base64.RawURLEncoding.EncodeToString(b)
			vals := map[string]string{
				"b64_url": b64url,
				"b64_std": prefix + base64.StdEncoding.EncodeToString(b),
				"hex":     prefix + hex.EncodeToString(b),
				"dec":     prefix + new(big.Int).SetBytes(b).String(),
			}
			for k, v := range vals {
				if err := d.Set(k, v); err != nil {
					return diag.FromErr(fmt.Errorf("setting %s: %w", k, err))
				}
			}
			d.SetId(b64url)
			return nil
		},
		ReadContext:   readNothing,
		DeleteContext: deleteNothing,
	}
}

func pick(chars string) (byte, error) {
	n, err := rand.Int(rand.Reader, big.NewInt(int64(len(chars))))
	if err != nil {
		return 0, err
	}
	return chars[n.Int64()], nil
}

// shuffle is a Fisher-Yates shuffle with crypto/rand, so min_* characters are not all up front.
func shuffle(b []byte) error {
	for i := len(b) - 1; i > 0; i-- {
		n, err := rand.Int(rand.Reader, big.NewInt(int64(i+1)))
		if err != nil {
			return err
		}
		j := int(n.Int64())
		b[i], b[j] = b[j], b[i]
	}
	return nil
}
