package roots

import (
	"go/ast"
	"go/types"
	"strings"

	"github.com/credlint/credlint/internal/names"
)

// services adds the roots a registration call publishes: the methods of a
// gRPC or net/rpc service, and the jobs handed to a scheduler.
func (f *finder) services(call *ast.CallExpr, callee *types.Func) {
	full := names.Full(callee.Origin())
	if job, ok := knownJobs[full]; ok && job.arg < len(call.Args) {
		f.job(call, job)
		return
	}
	if i, ok := rpcRegistrars[full]; ok && i < len(call.Args) {
		f.rpcMethods(call, call.Args[i])
		return
	}
	if impl, iface := grpcRegistration(call, callee); impl != nil {
		f.grpcMethods(call, callee, impl, iface)
	}
}

// job adds a scheduler's job: the function of c.AddFunc(spec, fn), or the
// Run method of the dynamic type of c.AddJob(spec, job). A conversion such
// as cron.FuncJob(fn) runs fn.
func (f *finder) job(call *ast.CallExpr, job knownJob) {
	arg := ast.Unparen(call.Args[job.arg])
	if conv, ok := arg.(*ast.CallExpr); ok && len(conv.Args) == 1 {
		if tv, ok := f.pass.TypesInfo.Types[conv.Fun]; ok && tv.IsType() {
			arg = conv.Args[0]
		}
	}
	if job.method == "" || isFunc(f.pass.TypesInfo.TypeOf(arg)) {
		f.addRoot(arg, Scheduled, call.Pos(), job.via, job.framework)
		return
	}
	if fn := f.concreteMethod(f.pass.TypesInfo.TypeOf(arg), job.method); fn != nil {
		f.res.add(&Root{Kind: Scheduled, Func: fn, Pos: call.Pos(), Via: job.via,
			Name: names.Func(fn, f.pass.Pkg), Framework: job.framework})
	}
}

// rpcMethods adds every method net/rpc publishes for rcvr. Like the roots
// of grpcMethods, each is placed at its declaration, so that the methods of
// one registration stay apart (drivers find roots by position):
//
//	rpc.Register(new(Arith))   // (*Arith).Multiply(args *Args, reply *int) error
//
// An exported method with two parameters, the second a pointer, and one
// error result.
func (f *finder) rpcMethods(call *ast.CallExpr, rcvr ast.Expr) {
	t := f.pass.TypesInfo.TypeOf(rcvr)
	if t == nil || types.IsInterface(t) {
		return // fail open: the dynamic type is unknown
	}
	mset := types.NewMethodSet(t)
	for i := range mset.Len() {
		fn, ok := mset.At(i).Obj().(*types.Func)
		if !ok || !fn.Exported() || !isRPCShape(fn) {
			continue
		}
		f.res.add(&Root{Kind: RPCMethod, Func: fn, Pos: fn.Pos(), Via: "rpc.Register",
			Name: names.Func(fn, f.pass.Pkg), Framework: "net/rpc"})
	}
}

func isRPCShape(fn *types.Func) bool {
	sig := fn.Type().(*types.Signature)
	if sig.Params().Len() != 2 || sig.Results().Len() != 1 {
		return false
	}
	_, ptr := types.Unalias(sig.Params().At(1).Type()).(*types.Pointer)
	return ptr && typeKey(sig.Results().At(0).Type()) == "error"
}

// grpcRegistration recognises a generated registration by its shape,
//
//	func RegisterGreeterServer(s grpc.ServiceRegistrar, srv GreeterServer)
//
// and returns the implementation argument and the service interface.
func grpcRegistration(call *ast.CallExpr, callee *types.Func) (ast.Expr, *types.Interface) {
	name := callee.Name()
	if !strings.HasPrefix(name, "Register") || !strings.HasSuffix(name, "Server") || len(call.Args) != 2 {
		return nil, nil
	}
	sig := callee.Type().(*types.Signature)
	if sig.Recv() != nil || sig.Params().Len() != 2 || !grpcRegistrarTypes[typeKey(sig.Params().At(0).Type())] {
		return nil, nil
	}
	iface, ok := sig.Params().At(1).Type().Underlying().(*types.Interface)
	if !ok {
		return nil, nil
	}
	return call.Args[1], iface
}

// grpcMethods adds the methods of the service interface, looked up on the
// implementation's type: &server{} implements GetUser, so (*server).GetUser
// is a root. Unexported interface methods (mustEmbedUnimplemented...) are
// not RPCs, and the generated Unimplemented...Server methods an
// implementation embeds only return an error.
func (f *finder) grpcMethods(call *ast.CallExpr, callee *types.Func, impl ast.Expr, iface *types.Interface) {
	t := f.pass.TypesInfo.TypeOf(impl)
	if t == nil || types.IsInterface(t) {
		return // fail open: the dynamic type is unknown
	}
	for i := range iface.NumMethods() {
		m := iface.Method(i)
		if !m.Exported() {
			continue
		}
		if fn := f.concreteMethod(t, m.Name()); fn != nil && !isUnimplementedStub(fn) {
			f.res.add(&Root{Kind: RPCMethod, Func: fn, Pos: fn.Pos(), Via: names.Func(callee, f.pass.Pkg),
				Name: names.Func(fn, f.pass.Pkg), Framework: "gRPC"})
		}
	}
}

// isUnimplementedStub reports whether fn is a method of a generated
// UnimplementedXServer type.
func isUnimplementedStub(fn *types.Func) bool {
	recv := fn.Type().(*types.Signature).Recv()
	if recv == nil {
		return false
	}
	t := recv.Type()
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	named, ok := types.Unalias(t).(*types.Named)
	if !ok {
		return false
	}
	name := named.Obj().Name()
	return strings.HasPrefix(name, "Unimplemented") && strings.HasSuffix(name, "Server")
}

// concreteMethod returns the method name of the concrete type t, or nil
// when t is an interface or has no such method.
func (f *finder) concreteMethod(t types.Type, name string) *types.Func {
	if t == nil || types.IsInterface(t) {
		return nil
	}
	obj, _, _ := types.LookupFieldOrMethod(t, true, f.pass.Pkg, name)
	fn, _ := obj.(*types.Func)
	if fn == nil || isAbstract(fn) {
		return nil
	}
	return fn
}
