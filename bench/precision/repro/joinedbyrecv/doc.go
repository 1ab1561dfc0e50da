// Package joinedbyrecv: see config_test.go.
package joinedbyrecv
