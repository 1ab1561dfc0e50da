package main

import (
	"slices"
	"testing"
)

// TestFixModulesMissing: the hint after -fix names the shim when the
// module lacks it, and an SDK's adapter only when the module requires the
// SDK itself (its fixes may then import the adapter), not when the SDK is
// only an indirect dependency.
func TestFixModulesMissing(t *testing.T) {
	fix := []string{shimModule, "example.com/openaienv", "example.com/awsenv"}
	sdkOf := []string{"example.com/openai", "example.com/aws"}
	const miss, ind, req = "missing", "indirect", ""
	for _, c := range []struct {
		shim, openaienv, awsenv, openai, aws string
		want                                 []string
	}{
		{req, req, req, req, req, nil},
		{miss, miss, miss, miss, miss, []string{shimModule}},
		{miss, miss, miss, ind, miss, []string{shimModule}},
		{req, miss, miss, req, miss, []string{"example.com/openaienv"}},
		{miss, miss, miss, req, req, []string{shimModule, "example.com/openaienv", "example.com/awsenv"}},
		{req, miss, ind, req, req, []string{"example.com/openaienv"}},
	} {
		state := map[string]string{shimModule: c.shim, "example.com/openaienv": c.openaienv, "example.com/awsenv": c.awsenv,
			"example.com/openai": c.openai, "example.com/aws": c.aws}
		if got := fixModulesMissing(fix, sdkOf, state); !slices.Equal(got, c.want) {
			t.Errorf("%+v: got %v, want %v", c, got, c.want)
		}
	}
}
