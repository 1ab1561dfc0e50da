package main

import "testing"

func TestParallel(t *testing.T) {
	t.Parallel()
	t.Run("child", func(t *testing.T) {
		t.Parallel()
	})
}

func TestSerial(t *testing.T) {
	t.Run("parallel child", func(t *testing.T) {
		t.Parallel()
		t.Run("grandchild", func(t *testing.T) {
			t.Parallel()
		})
	})
	t.Run("serial child", func(t *testing.T) {})
}

func TestNotParallel(t *testing.T) {}
