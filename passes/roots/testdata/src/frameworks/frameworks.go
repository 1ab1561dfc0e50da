package frameworks

import (
	"context"
	"net/rpc"

	"github.com/gin-gonic/gin"
	"github.com/gofiber/fiber/v2"
	"github.com/labstack/echo/v4"
	"github.com/robfig/cron/v3"
	"google.golang.org/grpc"

	"frameworks/userpb"
)

func list(c *gin.Context) {}

func show(c echo.Context) error { return nil }

func index(c *fiber.Ctx) error { return nil }

func helper(c *gin.Context) {}

type server struct {
	userpb.UnimplementedUserServiceServer
}

func (s *server) GetUser(ctx context.Context, req *userpb.GetUserRequest) (*userpb.User, error) {
	return nil, nil
}

type Arith struct{}

func (*Arith) Add(args *[2]int, reply *int) error { return nil }

func (*Arith) Name() string { return "" }

type job struct{}

func (job) Run() {}

func Setup() { // want Setup:"starts"
	helper(nil)
	gin.Default().GET("/", list, gin.HandlerFunc(helper))
	echo.New().GET("/", show)
	fiber.New().Get("/", index, func(c *fiber.Ctx) error { return nil })
	userpb.RegisterUserServiceServer(grpc.NewServer(), &server{})
	rpc.Register(new(Arith))
	c := cron.New()
	c.AddFunc("@hourly", func() {})
	c.AddJob("@daily", job{})
	c.Start()
}
