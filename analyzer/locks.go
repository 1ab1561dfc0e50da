package analyzer

import (
	"go/types"
	"strings"

	"github.com/credlint/credlint/passes/envaccess"
)

// This file decides whether a write made under a mutex is safe: it is when
// every access of the same variable that may run at the same time (every
// read of the key, of a name computed at run time or of the whole
// environment, and every other write of it, in the same group of roots)
// holds one of the locks the write holds. How locks are named and which
// are held is approximated by the envaccess pass (locks.go there).

// unguarded returns an access of w's variable, in the same group, that
// does not hold one of the locks w holds exclusively; ok is false when all
// of them hold one (the write is then safe). A write holding no exclusive
// lock (none, or only RLock) is never safe.
func unguarded(w envaccess.Access, g *group) (rootAccess, bool) {
	if len(exclusive(w.Locks)) == 0 || g == nil {
		return rootAccess{}, true
	}
	for _, o := range g.all {
		if !overlaps(w, o.access) || excludes(w, o.access) {
			continue
		}
		return o, true
	}
	return rootAccess{}, false
}

// excludes reports whether write w and access o cannot run at the same
// time: they share a lock that w holds exclusively and that o holds too
// (exclusively when o writes, as a read lock or exclusively otherwise).
func excludes(w, o envaccess.Access) bool {
	for _, l := range exclusive(w.Locks) {
		for _, m := range o.Locks {
			if m == l || o.Kind != envaccess.Write && m == "R "+l {
				return true
			}
		}
	}
	return false
}

// exclusive returns the locks held exclusively (not as RLock).
func exclusive(locks []string) []string {
	var out []string
	for _, l := range locks {
		if !strings.HasPrefix(l, "R ") {
			out = append(out, l)
		}
	}
	return out
}

// overlaps reports whether o may touch the variable w writes.
func overlaps(w, o envaccess.Access) bool {
	switch o.Kind {
	case envaccess.Read, envaccess.Write, envaccess.Inherit:
	default:
		return false
	}
	return envaccess.MayOverlap(&w, &o)
}

// lockNames renders locks for a message: "mu" for a package-level mutex
// of the analysed package, "(T).mu" for a field.
func lockNames(locks []string, pkgPath string) string {
	locks = exclusive(locks)
	names := make([]string, len(locks))
	for i, l := range locks {
		l = strings.ReplaceAll(l, pkgPath+".", "")
		if i := strings.LastIndex(l, "/"); i >= 0 && !strings.HasPrefix(l, "local ") {
			l = l[i+1:]
		}
		if name, _, ok := strings.Cut(strings.TrimPrefix(l, "local "), "@"); ok {
			l = name
		}
		names[i] = l
	}
	return strings.Join(names, ", ")
}

// describeUnguarded says which locks a write holds and which access of its
// variable does not hold them: "holds mu, but os.Getenv(\"K\") in
// handleB does not".
func describeUnguarded(w envaccess.Access, o rootAccess, pkg *types.Package) string {
	what := describeAccess(o, pkg) // "op(key) in holder"
	return "holds " + lockNames(w.Locks, pkg.Path()) + ", but " + what + " does not"
}

// filteredOut reports whether read a is a snapshot of the whole
// environment filtered of every variable write w can set (by name or
// prefix; envaccess snapshot.go): it never sees the write.
func filteredOut(a, w envaccess.Access) bool {
	return w.From == envaccess.KeyConst && a.ExcludesKey(w.Key)
}
