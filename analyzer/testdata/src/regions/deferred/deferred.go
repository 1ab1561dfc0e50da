// Package deferred has deferred writes: they run when the function
// returns, beside the goroutines it started and did not join (issue 13,
// M1), and after the joins it made.
package deferred
