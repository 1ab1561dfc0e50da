package leaf

import "os"

// Key reads the API token.
func Key() string { return os.Getenv("API_TOKEN") }

// Version changes between the test's runs.
const Version = 0
