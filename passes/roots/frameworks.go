package roots

import (
	"fmt"
	"go/types"
	"strings"
)

// Indexes over Frameworks, built once.
var (
	frameworkBySig  = map[string]*Framework{}
	frameworkByType = map[string]*Framework{}
	frameworkByReq  = map[string]*Framework{}
)

func init() {
	for i := range Frameworks {
		fw := &Frameworks[i]
		frameworkBySig[fw.Sig] = fw
		frameworkByType[fw.Type] = fw
		frameworkByReq[fw.Request] = fw
	}
}

// handlerFramework returns the framework whose handler signature t has, or
// nil. net/http's row matches func(http.ResponseWriter, *http.Request).
func handlerFramework(t types.Type) *Framework {
	if t == nil {
		return nil
	}
	return frameworkBySig[sigKey(t)]
}

// isHandlerSig reports whether t is func(http.ResponseWriter, *http.Request).
func isHandlerSig(t types.Type) bool {
	fw := handlerFramework(t)
	return fw != nil && fw.Name == ""
}

// sigKey renders a short signature with full package paths and no names,
// "func(*github.com/gin-gonic/gin.Context)", or "" when t cannot be a
// handler type (not a function, variadic, more than two parameters or one
// result). The cheap shape test comes first: this runs on every function
// value the package takes.
func sigKey(t types.Type) string {
	sig, ok := t.Underlying().(*types.Signature)
	if !ok || sig.Variadic() || sig.Params().Len() == 0 || sig.Params().Len() > 2 || sig.Results().Len() > 1 {
		return ""
	}
	var b strings.Builder
	b.WriteString("func(")
	for i := range sig.Params().Len() {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(typeKey(sig.Params().At(i).Type()))
	}
	b.WriteString(")")
	if sig.Results().Len() == 1 {
		b.WriteString(" " + typeKey(sig.Results().At(0).Type()))
	}
	return b.String()
}

func typeKey(t types.Type) string { return types.TypeString(types.Unalias(t), nil) }

// conversionFramework returns the framework whose handler type is named, for
// a conversion such as gin.HandlerFunc(f), or nil.
func conversionFramework(t types.Type) *Framework {
	named, ok := types.Unalias(t).(*types.Named)
	if !ok || named.Obj().Pkg() == nil {
		return nil
	}
	return frameworkByType[named.Obj().Pkg().Path()+"."+named.Obj().Name()]
}

// RequestContext returns the expression for the request context of a
// handler's request parameter named name of type t: "r.Context()" for an
// *http.Request, "c.Request.Context()" for a *gin.Context; "" when t is no
// framework's request type.
func RequestContext(t types.Type, name string) string {
	fw := frameworkByReq[typeKey(t)]
	if fw == nil {
		return ""
	}
	return fmt.Sprintf(fw.Context, name)
}

// shortTypeName renders a named type as pkg.Name: "gin.HandlerFunc".
func shortTypeName(t types.Type) string {
	named, ok := types.Unalias(t).(*types.Named)
	if !ok || named.Obj().Pkg() == nil {
		return types.TypeString(t, nil)
	}
	return named.Obj().Pkg().Name() + "." + named.Obj().Name()
}
