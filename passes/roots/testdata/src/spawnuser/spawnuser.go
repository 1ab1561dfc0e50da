// Package spawnuser learns spawners through the facts of package spawners.
package spawnuser

import "spawners"

// Enqueue hands f to an imported spawner.
func Enqueue(f func()) { spawners.Submit(f) } // want Enqueue:"spawner\\(0\\)"

// EnqueuePool hands f to an imported spawner method.
func EnqueuePool(p *spawners.Pool, f func()) { p.Go(f) } // want EnqueuePool:"spawner\\(1\\)"

// Run calls an imported non-spawner: no fact.
func Run(f func()) { spawners.Sync(f) }
