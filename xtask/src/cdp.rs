//! A small client for the Chrome DevTools Protocol over Chromium's
//! `--remote-debugging-pipe`: no WebSocket, no port, no extra crate.
//!
//! The protocol, as Chromium implements it (content/browser/devtools/
//! devtools_pipe_handler.cc and content/public/browser/devtools_agent_host.h):
//! the browser reads commands from its file descriptor 3 and writes replies
//! and events to its file descriptor 4; each message is one JSON document
//! followed by a NUL byte ("ASCIIZ" mode, the default). A command is
//! `{"id", "method", "params"}` (plus `"sessionId"` for a page, in "flat"
//! mode); its reply carries the same `id` and a `result` or an `error`; an
//! event has a `method` and no `id`.

use serde_json::{Value, json};
use std::io::{BufRead, BufReader, Write};
use std::os::fd::AsRawFd;
use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::{Duration, Instant};

/// How long one command or one page load may take before the test gives up.
const PATIENCE: Duration = Duration::from_secs(30);

/// The flags every run uses: headless, no sandbox (root in a container has
/// none to offer), no GPU, and nothing that would reach the network.
pub const FLAGS: [&str; 8] = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--hide-scrollbars",
];

// The two calls that put the pipes at the descriptor numbers Chromium
// expects. They are async-signal-safe, as code between fork and exec must be.
unsafe extern "C" {
    fn dup2(old: i32, new: i32) -> i32;
    fn fcntl(fd: i32, command: i32, ...) -> i32;
}
/// `fcntl`'s "duplicate to the lowest free descriptor ≥ arg" (0 on Linux and macOS).
const F_DUPFD: i32 = 0;

/// A running headless Chromium and the page it is attached to.
pub struct Browser {
    child: Child,
    to_browser: std::io::PipeWriter,
    from_browser: Receiver<Value>,
    next_id: u64,
    /// The attached page's session (commands without one go to the browser).
    session: Option<String>,
    /// Events that arrived since the last [`Browser::take_events`].
    events: Vec<Value>,
}

impl Browser {
    /// Starts `chromium` with a fresh profile in `profile` and opens one
    /// blank page, attached in flat mode, with the domains the checks use.
    pub fn launch(chromium: &Path, profile: &Path) -> Result<Browser, String> {
        let _ = std::fs::remove_dir_all(profile);
        std::fs::create_dir_all(profile).map_err(|e| format!("{}: {e}", profile.display()))?;
        let (their_read, to_browser) = std::io::pipe().map_err(|e| format!("pipe: {e}"))?;
        let (our_read, their_write) = std::io::pipe().map_err(|e| format!("pipe: {e}"))?;
        let (read_fd, write_fd) = (their_read.as_raw_fd(), their_write.as_raw_fd());
        let log = std::fs::File::create(profile.join("chromium.log"))
            .map_err(|e| format!("{}: {e}", profile.display()))?;
        let mut command = Command::new(chromium);
        command
            .args(FLAGS)
            .arg(format!("--user-data-dir={}", profile.display()))
            .arg("--remote-debugging-pipe")
            .arg("about:blank")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(log);
        // SAFETY: between fork and exec the closure only calls fcntl and dup2.
        // Both ends are first copied above 10, so that moving them to 3 and 4
        // cannot overwrite one with the other; dup2 clears close-on-exec.
        unsafe {
            command.pre_exec(move || {
                let (r, w) = (fcntl(read_fd, F_DUPFD, 10), fcntl(write_fd, F_DUPFD, 10));
                if r < 0 || w < 0 || dup2(r, 3) < 0 || dup2(w, 4) < 0 {
                    return Err(std::io::Error::last_os_error());
                }
                Ok(())
            });
        }
        let child = command
            .spawn()
            .map_err(|e| format!("cannot start {}: {e}", chromium.display()))?;
        // The child holds its own copies; ours must close so that EOF means exit.
        drop((their_read, their_write));
        let (sender, from_browser) = channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(our_read);
            let mut message = Vec::new();
            while reader.read_until(0, &mut message).is_ok_and(|n| n > 0) {
                message.pop_if(|b| *b == 0);
                if let Ok(value) = serde_json::from_slice::<Value>(&message)
                    && sender.send(value).is_err()
                {
                    return;
                }
                message.clear();
            }
        });
        let mut browser = Browser {
            child,
            to_browser,
            from_browser,
            next_id: 1,
            session: None,
            events: Vec::new(),
        };
        let target = browser.call("Target.createTarget", json!({"url": "about:blank"}))?;
        let attached = browser.call(
            "Target.attachToTarget",
            json!({"targetId": target["targetId"], "flatten": true}),
        )?;
        browser.session = attached["sessionId"].as_str().map(str::to_string);
        for domain in ["Page", "Runtime", "Network", "Log"] {
            browser.call(&format!("{domain}.enable"), json!({}))?;
        }
        Ok(browser)
    }

    /// Sends one command and waits for its reply, keeping events that
    /// arrive meanwhile.
    pub fn call(&mut self, method: &str, params: Value) -> Result<Value, String> {
        self.call_within(method, params, PATIENCE)
    }

    /// [`Browser::call`] for a command that may take longer than most
    /// (printing a whole book on a small machine).
    pub fn call_within(
        &mut self,
        method: &str,
        params: Value,
        patience: Duration,
    ) -> Result<Value, String> {
        let id = self.next_id;
        self.next_id += 1;
        let mut message = json!({"id": id, "method": method, "params": params});
        if let Some(session) = &self.session {
            message["sessionId"] = json!(session);
        }
        let mut bytes = message.to_string().into_bytes();
        bytes.push(0);
        self.to_browser
            .write_all(&bytes)
            .map_err(|e| format!("{method}: the browser closed its pipe ({e})"))?;
        let deadline = Instant::now() + patience;
        loop {
            let reply = self.next_message(deadline, method)?;
            if reply["id"].as_u64() == Some(id) {
                return match reply.get("error") {
                    Some(error) => Err(format!("{method}: {}", error["message"])),
                    None => Ok(reply["result"].clone()),
                };
            }
            self.events.push(reply);
        }
    }

    fn next_message(&mut self, deadline: Instant, waiting_for: &str) -> Result<Value, String> {
        let left = deadline.saturating_duration_since(Instant::now());
        match self.from_browser.recv_timeout(left) {
            Ok(message) => Ok(message),
            Err(RecvTimeoutError::Timeout) => {
                Err(format!("{waiting_for}: no answer from the browser in time"))
            }
            Err(RecvTimeoutError::Disconnected) => {
                Err(format!("{waiting_for}: the browser exited"))
            }
        }
    }

    /// Waits until an event named `method` has arrived (or had already).
    pub fn wait_for(&mut self, method: &str) -> Result<(), String> {
        if self.events.iter().any(|e| e["method"] == method) {
            return Ok(());
        }
        let deadline = Instant::now() + PATIENCE;
        loop {
            let message = self.next_message(deadline, method)?;
            let found = message["method"] == method;
            self.events.push(message);
            if found {
                return Ok(());
            }
        }
    }

    /// The events gathered so far, emptying the list.
    pub fn take_events(&mut self) -> Vec<Value> {
        std::mem::take(&mut self.events)
    }

    /// Opens `url` in the page and waits for its load event and its fonts.
    pub fn navigate(&mut self, url: &str) -> Result<(), String> {
        self.events.clear();
        let navigated = self.call("Page.navigate", json!({"url": url}))?;
        if let Some(error) = navigated["errorText"].as_str() {
            return Err(format!("{url}: {error}"));
        }
        self.wait_for("Page.loadEventFired")?;
        self.evaluate("document.fonts.ready.then(() => true)")?;
        Ok(())
    }

    /// Runs `script` in every page this browser opens from now on, before
    /// the page's own scripts.
    pub fn before_each_page(&mut self, script: &str) -> Result<(), String> {
        self.call(
            "Page.addScriptToEvaluateOnNewDocument",
            json!({"source": script}),
        )?;
        Ok(())
    }

    /// Evaluates a JavaScript expression in the page (awaiting a promise)
    /// and returns its value as JSON; a thrown exception is an Err.
    pub fn evaluate(&mut self, expression: &str) -> Result<Value, String> {
        let result = self.call(
            "Runtime.evaluate",
            json!({"expression": expression, "returnByValue": true, "awaitPromise": true}),
        )?;
        if let Some(details) = result.get("exceptionDetails") {
            let text = details["exception"]["description"]
                .as_str()
                .or(details["text"].as_str())
                .unwrap_or("exception");
            return Err(format!("script failed: {text}"));
        }
        Ok(result["result"]["value"].clone())
    }

    /// Makes the page `width` × `height` CSS pixels (mobile below 600 px:
    /// a phone's viewport and touch, as a phone's browser would report).
    pub fn resize(&mut self, width: u32, height: u32) -> Result<(), String> {
        self.call(
            "Emulation.setDeviceMetricsOverride",
            json!({"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600}),
        )?;
        Ok(())
    }

    /// A real key press (down and up) of a key such as "Enter" or "Tab",
    /// delivered to whatever has the focus.
    pub fn press(&mut self, key: &str, code: u32) -> Result<(), String> {
        // A key down that carries text ("\r" for Enter) also sends the
        // character, which is what activates a focused <summary> or button.
        let text = if key == "Enter" { "\r" } else { "" };
        for (kind, text) in [("keyDown", text), ("keyUp", "")] {
            self.call(
                "Input.dispatchKeyEvent",
                json!({"type": kind, "key": key, "code": key, "text": text,
                       "windowsVirtualKeyCode": code}),
            )?;
        }
        Ok(())
    }

    /// Types `text` as if from the keyboard.
    pub fn type_text(&mut self, text: &str) -> Result<(), String> {
        self.call("Input.insertText", json!({"text": text}))?;
        Ok(())
    }

    /// A PNG of the page, at most `max_height` CSS pixels of it from the top.
    pub fn screenshot(&mut self, path: &Path, max_height: f64) -> Result<(), String> {
        let size = self.evaluate(
            "[document.documentElement.clientWidth, document.documentElement.scrollHeight]",
        )?;
        let width = size[0].as_f64().unwrap_or(800.0);
        let height = size[1].as_f64().unwrap_or(800.0).min(max_height);
        self.screenshot_of(path, [0.0, 0.0, width, height])
    }

    /// A PNG of the rectangle `[x, y, width, height]` of the page (CSS
    /// pixels from the top left of the document).
    pub fn screenshot_of(
        &mut self,
        path: &Path,
        [x, y, width, height]: [f64; 4],
    ) -> Result<(), String> {
        let shot = self.call(
            "Page.captureScreenshot",
            json!({"format": "png", "captureBeyondViewport": true,
                   "clip": {"x": x, "y": y, "width": width, "height": height, "scale": 1}}),
        )?;
        self.write_base64(&shot["data"], path)
    }

    /// The page printed to PDF as Chromium prints it (`--print-to-pdf` uses
    /// the same call), with backgrounds, on A4.
    pub fn print_to_pdf(&mut self, path: &Path) -> Result<(), String> {
        // A whole book takes a minute or more on a 2-core machine.
        let pdf = self.call_within(
            "Page.printToPDF",
            json!({"printBackground": true, "paperWidth": 8.27, "paperHeight": 11.69,
                   "displayHeaderFooter": false, "preferCSSPageSize": true}),
            Duration::from_secs(600),
        )?;
        self.write_base64(&pdf["data"], path)
    }

    fn write_base64(&self, data: &Value, path: &Path) -> Result<(), String> {
        let bytes = decode_base64(data.as_str().unwrap_or_default())
            .ok_or_else(|| format!("{}: the browser sent no valid data", path.display()))?;
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        }
        std::fs::write(path, bytes).map_err(|e| format!("{}: {e}", path.display()))
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        // Browser.close shuts down cleanly; kill is the fallback.
        self.session = None;
        let id = self.next_id;
        let close = json!({"id": id, "method": "Browser.close", "params": {}});
        let _ = self.to_browser.write_all(format!("{close}\0").as_bytes());
        let deadline = Instant::now() + Duration::from_secs(5);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.child.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Standard base64 (RFC 4648, with padding), as CDP sends binary data.
pub fn decode_base64(text: &str) -> Option<Vec<u8>> {
    let value = |c: u8| -> Option<u32> {
        Some(match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            _ => return None,
        } as u32)
    };
    let text = text.trim_end_matches('=').as_bytes();
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    for chunk in text.chunks(4) {
        let mut bits = 0u32;
        for (i, c) in chunk.iter().enumerate() {
            bits |= value(*c)? << (18 - 6 * i);
        }
        let bytes = bits.to_be_bytes();
        // 2, 3 or 4 characters carry 1, 2 or 3 bytes.
        out.extend_from_slice(&bytes[1..chunk.len()]);
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_decodes_the_rfc_4648_test_vectors() {
        for (encoded, decoded) in [
            ("", ""),
            ("Zg==", "f"),
            ("Zm8=", "fo"),
            ("Zm9v", "foo"),
            ("Zm9vYg==", "foob"),
            ("Zm9vYmE=", "fooba"),
            ("Zm9vYmFy", "foobar"),
        ] {
            assert_eq!(decode_base64(encoded).unwrap(), decoded.as_bytes());
        }
        assert_eq!(decode_base64("Zm9*"), None);
    }
}
