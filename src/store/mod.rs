//! The bot's own database: one SQLite file under the data folder that keeps answer
//! [`feedback`], per-server [`settings`], the recent turns of [`conversations`], the
//! [`threads`] the bot opened and, for a few minutes, which answer replied to which question
//! message ([`answered`]); and deletes them when asked ([`forget`]).
//!
//! Several processes (shards) may share the file: it runs in WAL mode, and a writer that
//! finds it busy waits a little before giving up. Nothing here may stop the bot answering, so
//! every failure is a [`StoreError`] the caller logs and works around.

pub mod answered;
pub mod conversations;
pub mod feedback;
pub mod forget;
pub mod settings;
pub mod threads;

use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError};
use std::time::Duration;

use rusqlite::{Connection, ErrorCode, OpenFlags, OptionalExtension as _};

/// The database's file name inside the data folder.
pub const FILE_NAME: &str = "storybot.sqlite3";

/// How long a write waits for another writer before it reports the database as locked.
pub const BUSY_TIMEOUT: Duration = Duration::from_secs(2);

/// The schema, one step per file; a database records how many it has run (`user_version`).
const MIGRATIONS: [&str; 4] = [
    include_str!("migrations/0001_feedback.sql"),
    include_str!("migrations/0002_guild_settings.sql"),
    include_str!("migrations/0003_conversations.sql"),
    include_str!("migrations/0004_threads_and_answers.sql"),
];

/// Seconds since the Unix epoch, now: the clock every expiry here is measured on.
pub fn now_secs() -> i64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs() as i64)
}

/// What went wrong with the database, phrased for the operator reading the log.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error(
        "the database {0} is locked by another program; storybot will keep answering and try again on the next write"
    )]
    Locked(PathBuf),
    #[error("the database {0} is damaged or not a storybot database: stop storybot, move the file aside (it is recreated empty on start) or restore a backup")]
    Corrupt(PathBuf),
    #[error("the database {0} was written by a newer storybot (schema {1}, this one knows {2}); upgrade storybot")]
    TooNew(PathBuf, usize, usize),
    #[error("cannot create the data folder {0} (set STORYBOT_DATA_DIR or --data to a writable folder)")]
    Folder(PathBuf, #[source] std::io::Error),
    #[error("the database {0} failed")]
    Sqlite(PathBuf, #[source] rusqlite::Error),
}

/// An open database.
pub struct Store {
    conn: Mutex<Connection>,
    path: PathBuf,
    salt: Vec<u8>,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store").field("path", &self.path).finish_non_exhaustive()
    }
}

impl Store {
    /// Opens (creating on first use) the database in `dir` and brings its schema up to date.
    ///
    /// # Errors
    /// The folder cannot be created, the file is locked, damaged or from a newer version.
    pub fn open(dir: &Path) -> Result<Store, StoreError> {
        Store::open_with(dir, BUSY_TIMEOUT)
    }

    /// As [`Store::open`], waiting at most `busy` for other writers.
    ///
    /// # Errors
    /// As [`Store::open`].
    pub fn open_with(dir: &Path, busy: Duration) -> Result<Store, StoreError> {
        std::fs::create_dir_all(dir).map_err(|e| StoreError::Folder(dir.to_path_buf(), e))?;
        let path = dir.join(FILE_NAME);
        let fail = |e: rusqlite::Error| classify(&path, e);
        let conn = Connection::open(&path).map_err(fail)?;
        conn.busy_timeout(busy).map_err(fail)?;
        // WAL lets readers go on while one process writes; NORMAL sync is safe with WAL.
        conn.pragma_update(None, "journal_mode", "WAL").map_err(fail)?;
        conn.pragma_update(None, "synchronous", "NORMAL").map_err(fail)?;
        migrate(&conn, &path)?;
        let salt = salt(&conn).map_err(fail)?;
        Ok(Store { conn: Mutex::new(conn), path, salt })
    }

    /// Opens an existing database without creating or changing anything (for export).
    ///
    /// # Errors
    /// The file is missing (a [`crate::UserError`]), locked, damaged or from a newer version.
    pub fn open_read_only(dir: &Path) -> anyhow::Result<Store> {
        let path = dir.join(FILE_NAME);
        if !path.is_file() {
            return Err(crate::UserError::new(format!(
                "no database at {}: nobody has voted yet, or set STORYBOT_DATA_DIR / --data to the bot's data folder",
                path.display()
            ))
            .into());
        }
        let fail = |e: rusqlite::Error| classify(&path, e);
        let conn = Connection::open_with_flags(&path, OpenFlags::SQLITE_OPEN_READ_ONLY).map_err(fail)?;
        conn.busy_timeout(BUSY_TIMEOUT).map_err(fail)?;
        let version = user_version(&conn).map_err(fail)?;
        if version > MIGRATIONS.len() {
            return Err(StoreError::TooNew(path, version, MIGRATIONS.len()).into());
        }
        // The salt as it is (none in a database nobody voted in): this store never writes it.
        let salt = conn
            .query_row("SELECT value FROM meta WHERE key = 'user_salt'", [], |row| row.get(0))
            .optional()
            .map_err(fail)?
            .unwrap_or_default();
        Ok(Store { conn: Mutex::new(conn), path, salt })
    }

    /// Where the database file is.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Runs `f` on the connection, turning SQLite's errors into [`StoreError`]s.
    fn with<T>(&self, f: impl FnOnce(&mut Connection) -> rusqlite::Result<T>) -> Result<T, StoreError> {
        let mut conn = self.conn.lock().unwrap_or_else(PoisonError::into_inner);
        f(&mut conn).map_err(|e| classify(&self.path, e))
    }
}

fn classify(path: &Path, err: rusqlite::Error) -> StoreError {
    match err.sqlite_error_code() {
        Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => StoreError::Locked(path.to_path_buf()),
        Some(ErrorCode::NotADatabase | ErrorCode::DatabaseCorrupt) => StoreError::Corrupt(path.to_path_buf()),
        _ => StoreError::Sqlite(path.to_path_buf(), err),
    }
}

fn user_version(conn: &Connection) -> rusqlite::Result<usize> {
    conn.query_row("PRAGMA user_version", [], |row| row.get::<_, i64>(0)).map(|v| usize::try_from(v).unwrap_or(0))
}

/// The database's schema step, after mending one known mistake: for a while the threads step
/// (`0004`) ran third, before the conversations step existed, so such a database says 3 but
/// has no conversations table. It gets that table and counts as 4.
fn repair_order(conn: &Connection) -> rusqlite::Result<usize> {
    let version = user_version(conn)?;
    let has = |table: &str| -> rusqlite::Result<bool> {
        conn.query_row("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?1", [table], |row| {
            row.get::<_, i64>(0)
        })
        .map(|n| n > 0)
    };
    if version == 3 && has("bot_threads")? && !has("conversations")? {
        conn.execute_batch(MIGRATIONS[2])?;
        conn.pragma_update(None, "user_version", 4)?;
        tracing::info!("database schema mended: the conversations step had been skipped");
        return Ok(4);
    }
    Ok(version)
}

/// Runs the migrations this database has not run yet, all in one transaction.
fn migrate(conn: &Connection, path: &Path) -> Result<(), StoreError> {
    let fail = |e: rusqlite::Error| classify(path, e);
    // IMMEDIATE takes the write lock at once: two processes starting together migrate in turn.
    conn.execute_batch("BEGIN IMMEDIATE").map_err(fail)?;
    let result = (|| {
        let version = repair_order(conn).map_err(fail)?;
        if version > MIGRATIONS.len() {
            return Err(StoreError::TooNew(path.to_path_buf(), version, MIGRATIONS.len()));
        }
        for (done, sql) in MIGRATIONS.iter().enumerate().skip(version) {
            conn.execute_batch(sql).map_err(fail)?;
            conn.pragma_update(None, "user_version", (done + 1) as i64).map_err(fail)?;
            tracing::info!(path = %path.display(), schema = done + 1, "database migrated");
        }
        Ok(())
    })();
    match result {
        Ok(()) => conn.execute_batch("COMMIT").map_err(fail),
        Err(err) => {
            let _ = conn.execute_batch("ROLLBACK");
            Err(err)
        }
    }
}

/// The database's salt for user ids, made once from the system's random source.
fn salt(conn: &Connection) -> rusqlite::Result<Vec<u8>> {
    let mut fresh = [0u8; 32];
    getrandom::fill(&mut fresh).map_err(|e| rusqlite::Error::ToSqlConversionFailure(Box::new(e)))?;
    conn.execute("INSERT OR IGNORE INTO meta (key, value) VALUES ('user_salt', ?1)", [&fresh[..]])?;
    conn.query_row("SELECT value FROM meta WHERE key = 'user_salt'", [], |row| row.get(0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_database_is_created_with_the_whole_schema() -> anyhow::Result<()> {
        let dir = tempfile::tempdir()?;
        let store = Store::open(&dir.path().join("nested/data"))?;
        assert!(store.path().is_file());
        let version = store.with(|c| user_version(c))?;
        assert_eq!(version, MIGRATIONS.len());
        assert_eq!(store.salt.len(), 32);
        Ok(())
    }

    #[test]
    fn reopening_keeps_the_salt_and_runs_no_migration_twice() -> anyhow::Result<()> {
        let dir = tempfile::tempdir()?;
        let first = Store::open(dir.path())?.salt;
        let again = Store::open(dir.path())?;
        assert_eq!(again.salt, first);
        assert_eq!(again.with(|c| user_version(c))?, MIGRATIONS.len());
        Ok(())
    }

    #[test]
    fn a_file_that_is_not_a_database_is_reported_as_damaged() -> anyhow::Result<()> {
        let dir = tempfile::tempdir()?;
        std::fs::write(
            dir.path().join(FILE_NAME),
            b"this is not SQLite, just some text long enough to be read".repeat(100),
        )?;
        let err = Store::open(dir.path()).unwrap_err();
        assert!(matches!(err, StoreError::Corrupt(_)), "{err:?}");
        assert!(err.to_string().contains("move the file aside"));
        Ok(())
    }

    #[test]
    fn a_database_whose_threads_step_ran_third_gets_its_conversations_table() -> anyhow::Result<()> {
        let dir = tempfile::tempdir()?;
        let conn = Connection::open(dir.path().join(FILE_NAME))?;
        for sql in [MIGRATIONS[0], MIGRATIONS[1], MIGRATIONS[3]] {
            conn.execute_batch(sql)?;
        }
        conn.pragma_update(None, "user_version", 3)?;
        drop(conn);
        let store = Store::open(dir.path())?;
        let (version, tables) = store.with(|c| {
            let tables: i64 = c.query_row(
                "SELECT count(*) FROM sqlite_master WHERE name IN ('conversations', 'bot_threads')",
                [],
                |r| r.get(0),
            )?;
            Ok((user_version(c)?, tables))
        })?;
        assert_eq!((version, tables), (MIGRATIONS.len(), 2));
        Ok(())
    }

    #[test]
    fn a_database_from_a_newer_version_is_refused() -> anyhow::Result<()> {
        let dir = tempfile::tempdir()?;
        Store::open(dir.path())?.with(|c| c.pragma_update(None, "user_version", 99))?;
        let err = Store::open(dir.path()).unwrap_err();
        assert!(err.to_string().contains("newer storybot"), "{err}");
        Ok(())
    }

    #[test]
    fn a_locked_database_is_reported_as_locked_not_damaged() -> anyhow::Result<()> {
        let dir = tempfile::tempdir()?;
        let store = Store::open_with(dir.path(), Duration::from_millis(50))?;
        let other = Connection::open(store.path())?;
        other.execute_batch("BEGIN EXCLUSIVE")?;
        let err = store.with(|c| c.execute("INSERT INTO meta (key, value) VALUES ('x', X'01')", [])).unwrap_err();
        assert!(matches!(err, StoreError::Locked(_)), "{err:?}");
        other.execute_batch("ROLLBACK")?;
        store.with(|c| c.execute("INSERT INTO meta (key, value) VALUES ('x', X'01')", []))?;
        Ok(())
    }
}
