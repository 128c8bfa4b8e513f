package main

// FerretDB 1.24's SQLite backend pushes a filter that is exactly {_id: <string|ObjectId>} down to SQLite as
// `WHERE _ferretdb_sjson->'$._id' = ?`, but the unique _id index it creates is on `_ferretdb_sjson->"_id"`, a
// different expression, so SQLite scans the whole table for every findOne/updateOne/deleteOne by _id
// (FerretDB issue #3340). The indexer below adds, beside each collection's table, an index on the exact
// expression the pushdown uses. SQLite then answers those queries by a B-tree search instead of a scan.
//
// FerretDB does not know about the extra index: listIndexes does not show it, and dropping the collection
// drops its table and the index with it. Nothing else in FerretDB names it.

import (
	"context"
	"database/sql"
	"fmt"
	"log/slog"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	_ "modernc.org/sqlite"
)

const (
	metadataTable = "_ferretdb_collections"
	indexSuffix   = "_hoanhap_id_pushdown"
	idExpression  = `_ferretdb_sjson->'$._id'`
)

// idIndexer remembers, per database file, when it last looked, so an unchanged file is not opened again.
type idIndexer struct {
	dir    string
	logger *slog.Logger
	seen   map[string]time.Time
}

func newIDIndexer(sqliteURL string, logger *slog.Logger) (*idIndexer, error) {
	u, err := url.Parse(sqliteURL)
	if err != nil {
		return nil, err
	}
	dir := u.Opaque
	if dir == "" {
		dir = u.Path
	}
	return &idIndexer{dir: dir, logger: logger, seen: map[string]time.Time{}}, nil
}

// run looks every interval until ctx ends.
func (ix *idIndexer) run(ctx context.Context, interval time.Duration) {
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		ix.pass(ctx)
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// pass indexes every database file changed since it was last looked at.
func (ix *idIndexer) pass(ctx context.Context) {
	files, err := filepath.Glob(filepath.Join(ix.dir, "*.sqlite"))
	if err != nil {
		return
	}
	present := map[string]bool{}
	for _, file := range files {
		present[file] = true
		changed := lastChange(file)
		if last, ok := ix.seen[file]; ok && !changed.After(last) {
			continue
		}
		if err := indexFile(ctx, file); err != nil {
			ix.logger.Warn("_id pushdown index not created yet", "file", file, "error", err)
			continue // looked at again on the next pass
		}
		ix.seen[file] = changed
	}
	for file := range ix.seen {
		if !present[file] {
			delete(ix.seen, file) // database dropped
		}
	}
}

// lastChange is the later of the database file's and its write-ahead log's modification times
// (a new table lands in the WAL first).
func lastChange(file string) time.Time {
	var latest time.Time
	for _, f := range []string{file, file + "-wal"} {
		if st, err := os.Stat(f); err == nil && st.ModTime().After(latest) {
			latest = st.ModTime()
		}
	}
	return latest
}

func indexFile(ctx context.Context, file string) error {
	db, err := sql.Open("sqlite", "file:"+file+"?_pragma=busy_timeout(10000)")
	if err != nil {
		return err
	}
	defer db.Close()
	db.SetMaxOpenConns(1)

	var hasMeta int
	if err := db.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?`, metadataTable).Scan(&hasMeta); err != nil {
		return err
	}
	if hasMeta == 0 {
		return nil // FerretDB has not created its metadata yet
	}

	rows, err := db.QueryContext(ctx, fmt.Sprintf(
		`SELECT c.table_name FROM %q c WHERE NOT EXISTS (SELECT 1 FROM sqlite_master m WHERE m.type = 'index' AND m.name = c.table_name || ?)`,
		metadataTable,
	), indexSuffix)
	if err != nil {
		return err
	}
	var tables []string
	for rows.Next() {
		var t string
		if err := rows.Scan(&t); err != nil {
			rows.Close()
			return err
		}
		tables = append(tables, t)
	}
	rows.Close()

	for _, t := range tables {
		q := fmt.Sprintf(`CREATE INDEX IF NOT EXISTS %q ON %q (%s)`, t+indexSuffix, t, idExpression)
		if _, err := db.ExecContext(ctx, q); err != nil {
			if strings.Contains(err.Error(), "no such table") {
				continue // dropped between the two statements
			}
			return err
		}
	}
	return nil
}
