// Command ferretdb runs FerretDB 1.x (MongoDB wire protocol) on its SQLite
// backend. It embeds the FerretDB package instead of building cmd/ferretdb,
// because a module-proxy build of cmd/ferretdb panics at start for want of
// its generated version file.
package main

import (
	"context"
	"flag"
	"log/slog"
	"net/http"
	_ "net/http/pprof" // served only when FERRETDB_PPROF_ADDR is set
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/FerretDB/FerretDB/ferretdb"
)

func main() {
	listen := flag.String("listen-addr", "127.0.0.1:27017", "TCP address to listen on")
	sqliteURL := flag.String("sqlite-url", "file:data/", "SQLite directory URL (must end with /)")
	level := flag.String("log-level", "warn", "debug, info, warn or error")
	flag.Parse()

	var lvl slog.Level
	if err := lvl.UnmarshalText([]byte(*level)); err != nil {
		lvl = slog.LevelWarn
	}
	logger := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: lvl}))

	f, err := ferretdb.New(&ferretdb.Config{
		Listener:  ferretdb.ListenerConfig{TCP: *listen},
		Handler:   "sqlite",
		SQLiteURL: *sqliteURL,
		Logger:    logger,
	})
	if err != nil {
		logger.Error("ferretdb did not start", "error", err)
		os.Exit(1)
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	logger.Warn("ferretdb listening", "uri", f.MongoDBURI())
	indexer, err := newIDIndexer(*sqliteURL, logger)
	if err != nil {
		logger.Error("bad --sqlite-url", "error", err)
		os.Exit(1)
	}
	go indexer.run(ctx, 500*time.Millisecond)
	// FERRETDB_PPROF_ADDR=127.0.0.1:6060: Go's profiler (go tool pprof http://…/debug/pprof/profile) for a
	// FerretDB that burns CPU under load (the fault run); off by default
	if addr := os.Getenv("FERRETDB_PPROF_ADDR"); addr != "" {
		go func() { logger.Warn("pprof stopped", "error", http.ListenAndServe(addr, nil)) }()
	}
	if err := f.Run(ctx); err != nil {
		logger.Error("ferretdb stopped", "error", err)
		os.Exit(1)
	}
}
