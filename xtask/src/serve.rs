//! `cargo xtask serve`: both books on one local web server, re-rendered when
//! a page, an included source file, the schedule or the results change, and
//! reloaded in the browser. Standard library only: a few hundred requests
//! from one reader do not need an async runtime.

use crate::books::{self, Book};
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant, SystemTime};

/// Injected into every HTML page served (never into the built site): asks the
/// server for the build number and reloads when it changes.
const LIVE_RELOAD: &str = "<script>(function(){var seen=null;function poll(){\
fetch('/__build?seen='+(seen===null?'':seen)).then(function(r){return r.text()}).then(function(b){\
if(seen!==null&&b!==seen){location.reload();return}seen=b;poll()}).catch(function(){setTimeout(poll,1000)})}\
poll()})();</script>";

/// Where one book is served from.
struct Served {
    book: Book,
    dir: PathBuf,
    /// The files whose change re-renders this book.
    watched: Vec<PathBuf>,
}

/// Newest modification time under `paths` (files or directories, recursively).
fn newest(paths: &[PathBuf]) -> SystemTime {
    let mut newest = SystemTime::UNIX_EPOCH;
    let mut stack: Vec<PathBuf> = paths.to_vec();
    while let Some(path) = stack.pop() {
        let Ok(meta) = std::fs::metadata(&path) else {
            continue;
        };
        if let Ok(t) = meta.modified() {
            newest = newest.max(t);
        }
        if meta.is_dir()
            && let Ok(entries) = std::fs::read_dir(&path)
        {
            stack.extend(
                entries
                    .flatten()
                    .map(|e| e.path())
                    .filter(|p| !p.ends_with("target")),
            );
        }
    }
    newest
}

/// Work to run once the books are served (measuring the benchmarks).
pub type Background = Box<dyn FnOnce() + Send>;

pub fn serve(port: u16, preprocessor: &Path, then: Option<Background>) -> Result<(), String> {
    let root = crate::paths::root();
    let site = crate::paths::target_dir().join("serve");
    let results = crate::paths::results_file();
    let [learners, instructor] = books::books();
    let served = Arc::new([
        Served {
            dir: site.join("learners"),
            watched: vec![
                root.join("src"),
                root.join("book.toml"),
                root.join("code"),
                root.join("schedule.toml"),
                results.clone(),
            ],
            book: learners,
        },
        Served {
            dir: site.join("instructor"),
            watched: vec![
                root.join("instructor"),
                root.join("code"),
                root.join("schedule.toml"),
                results,
            ],
            book: instructor,
        },
    ]);
    {
        // Both books at once: the first page should not wait for the second.
        let _step = crate::progress::step("rendering both books");
        std::thread::scope(|scope| {
            let renders: Vec<_> = served
                .iter()
                .map(|s| scope.spawn(move || books::build_and_swap(&s.book, &s.dir, preprocessor)))
                .collect();
            renders
                .into_iter()
                .try_for_each(|r| r.join().unwrap_or_else(|_| Err("a render panicked".into())))
        })?;
    }
    let build = Arc::new(AtomicU64::new(1));

    // The watcher: poll modification times, re-render the books that changed.
    {
        let served = Arc::clone(&served);
        let build = Arc::clone(&build);
        let preprocessor = preprocessor.to_path_buf();
        std::thread::spawn(move || {
            let mut seen: Vec<SystemTime> = served.iter().map(|s| newest(&s.watched)).collect();
            loop {
                std::thread::sleep(Duration::from_millis(200));
                for (i, s) in served.iter().enumerate() {
                    let now = newest(&s.watched);
                    if now != seen[i] {
                        seen[i] = now;
                        let start = Instant::now();
                        match books::build_and_swap(&s.book, &s.dir, &preprocessor) {
                            Ok(()) => {
                                build.fetch_add(1, Ordering::SeqCst);
                                eprintln!(
                                    "    re-rendered the {} in {:.2} s",
                                    s.book.name,
                                    start.elapsed().as_secs_f64()
                                );
                            }
                            Err(e) => eprintln!("    {e}"),
                        }
                    }
                }
            }
        });
    }

    let listener = TcpListener::bind(("127.0.0.1", port)).map_err(|e| {
        format!("cannot listen on 127.0.0.1:{port}: {e} (is another server running? try --port)")
    })?;
    eprintln!(
        "==> serving on http://localhost:{port}/ (learners) and http://localhost:{port}/instructor/ (instructors); Ctrl-C stops"
    );
    if let Some(work) = then {
        std::thread::spawn(work);
    }
    for stream in listener.incoming().flatten() {
        let served = Arc::clone(&served);
        let build = Arc::clone(&build);
        std::thread::spawn(move || {
            let _ = handle(stream, &served, &build);
        });
    }
    Ok(())
}

fn handle(mut stream: TcpStream, served: &[Served; 2], build: &AtomicU64) -> std::io::Result<()> {
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request_line = String::new();
    reader.read_line(&mut request_line)?;
    // Headers are not needed; read them so the client sees a clean exchange.
    let mut header = String::new();
    while reader.read_line(&mut header)? > 2 {
        header.clear();
    }
    let target = request_line
        .split_whitespace()
        .nth(1)
        .unwrap_or("/")
        .to_string();
    let (path, query) = target.split_once('?').unwrap_or((&target, ""));

    if path == "/__build" {
        // Long poll: answer when the build number differs from the one the page saw.
        let seen: Option<u64> = query.strip_prefix("seen=").and_then(|s| s.parse().ok());
        let start = Instant::now();
        while seen == Some(build.load(Ordering::SeqCst))
            && start.elapsed() < Duration::from_secs(25)
        {
            std::thread::sleep(Duration::from_millis(100));
        }
        return respond(
            &mut stream,
            "200 OK",
            "text/plain",
            build.load(Ordering::SeqCst).to_string().as_bytes(),
        );
    }

    let (dir, relative) = match path.strip_prefix("/instructor") {
        Some("") => return redirect(&mut stream, "/instructor/"),
        Some(rest) if rest.starts_with('/') => (&served[1].dir, rest),
        _ => (&served[0].dir, path),
    };
    let relative = relative.trim_start_matches('/').replace("%20", " ");
    if relative.split('/').any(|part| part == "..") {
        return respond(&mut stream, "400 Bad Request", "text/plain", b"bad path");
    }
    let mut file = dir.join(&relative);
    if !file.exists() {
        // Between the two renames of a swap the folder is briefly absent.
        std::thread::sleep(Duration::from_millis(50));
    }
    if file.is_dir() {
        file = file.join("index.html");
    }
    let (status, file) = if file.is_file() {
        ("200 OK", file)
    } else {
        ("404 Not Found", dir.join("404.html"))
    };
    let mut body = std::fs::read(&file).unwrap_or_else(|_| b"not found".to_vec());
    let kind = content_type(&file);
    if kind.starts_with("text/html") {
        let html =
            String::from_utf8_lossy(&body).replace("</body>", &format!("{LIVE_RELOAD}</body>"));
        body = html.into_bytes();
    }
    respond(&mut stream, status, kind, &body)
}

fn content_type(file: &Path) -> &'static str {
    match file.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css",
        "js" => "text/javascript",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "woff2" => "font/woff2",
        "woff" => "font/woff",
        "ttf" => "font/ttf",
        "json" => "application/json",
        "ico" => "image/x-icon",
        _ => "text/plain; charset=utf-8",
    }
}

fn respond(stream: &mut TcpStream, status: &str, kind: &str, body: &[u8]) -> std::io::Result<()> {
    write!(
        stream,
        "HTTP/1.1 {status}\r\nContent-Type: {kind}\r\nContent-Length: {}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n",
        body.len()
    )?;
    stream.write_all(body)
}

fn redirect(stream: &mut TcpStream, to: &str) -> std::io::Result<()> {
    write!(
        stream,
        "HTTP/1.1 301 Moved Permanently\r\nLocation: {to}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
    )
}
