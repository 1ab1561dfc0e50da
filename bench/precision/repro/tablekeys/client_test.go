package tablekeys

import "testing"

// setEnv is external-dns' testutils.TestHelperEnvSetter.
func setEnv(t *testing.T, envs map[string]string) {
	t.Helper()
	for name, value := range envs {
		t.Setenv(name, value) // still reported (K18): the names are the table's, only ETCD_URLS, which no goroutine reads
	}
}

func TestConnect(t *testing.T) {
	tests := []struct {
		name string
		envs map[string]string
	}{
		{name: "default", envs: map[string]string{}},
		{name: "urls", envs: map[string]string{"ETCD_URLS": "http://example.com:2379"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			setEnv(t, tt.envs)
			_ = Connect()
		})
	}
}
