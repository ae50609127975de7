//! The test harness's AWS emulator: `tests/emulator/serve` (moto behind masst's bridge) on a
//! free loopback port, one per test, installed into a project-local virtualenv on first use.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use assert_cmd::Command as Cmd;

/// A running emulator; killed when dropped.
pub struct Emulator {
    child: Child,
    pub port: u16,
    pub endpoint: String,
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

/// A minimal HTTP/1.0 exchange on loopback; returns (status, body).
pub fn http(port: u16, method: &str, path: &str, body: &str) -> Option<(u16, String)> {
    let mut s = TcpStream::connect(("127.0.0.1", port)).ok()?;
    s.set_read_timeout(Some(Duration::from_secs(30))).ok()?;
    let req = format!(
        "{method} {path} HTTP/1.0\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    );
    s.write_all(req.as_bytes()).ok()?;
    let mut out = String::new();
    s.read_to_string(&mut out).ok()?;
    let status = out.split_whitespace().nth(1)?.parse().ok()?;
    let body = out.split_once("\r\n\r\n").map(|(_, b)| b.to_string()).unwrap_or_default();
    Some((status, body))
}

impl Emulator {
    pub fn start() -> Self {
        Self::start_with(&[])
    }

    /// Starts `tests/emulator/serve --port P ARGS...` and waits until it answers.
    pub fn start_with(args: &[&str]) -> Self {
        let serve = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/emulator/serve");
        if Command::new("python3").arg("--version").output().is_err() {
            panic!("python3 is needed to run the AWS emulator (moto) for the live tests; install python3 with venv and pip");
        }
        let port = free_port();
        let child = Command::new(&serve)
            .arg("--port")
            .arg(port.to_string())
            .args(args)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::inherit())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {}: {e}", serve.display()));
        let mut emu = Emulator { child, port, endpoint: format!("http://127.0.0.1:{port}") };
        let deadline = Instant::now() + Duration::from_secs(600);
        loop {
            if let Some((200, _)) = http(port, "GET", "/", "") {
                break;
            }
            if let Ok(Some(status)) = emu.child.try_wait() {
                panic!("the emulator exited before it was ready ({status}); see its messages above");
            }
            assert!(Instant::now() < deadline, "the emulator did not answer within 10 minutes");
            std::thread::sleep(Duration::from_millis(100));
        }
        emu
    }

    /// AWS calls made so far, by `service.Operation`.
    pub fn calls(&self) -> serde_json::Value {
        let (_, body) = http(self.port, "GET", "/_masst/calls", "").expect("the emulator answers");
        serde_json::from_str(&body).unwrap()
    }

    pub fn reset_calls(&self) {
        http(self.port, "POST", "/_masst/calls/reset", "").expect("the emulator answers");
    }

    /// Changes latency and fault rate at run time.
    pub fn set(&self, latency_ms: f64, fault_rate: f64) {
        let body = format!("{{\"latency_ms\": {latency_ms}, \"fault_rate\": {fault_rate}}}");
        http(self.port, "POST", "/_masst/settings", &body).expect("the emulator answers");
    }

    /// Changes any run-time setting (`{"reject_bodies_containing": "..."}`).
    pub fn set_json(&self, body: &str) {
        http(self.port, "POST", "/_masst/settings", body).expect("the emulator answers");
    }

    /// `masst` pointed at this emulator with test credentials and no retries.
    pub fn masst(&self) -> Cmd {
        let mut c = crate::cli::masst();
        with_test_aws(&mut c);
        c.arg("--endpoint-url").arg(&self.endpoint);
        c
    }

    /// `masst` as a plain child process pointed at this emulator, for tests that signal it,
    /// kill it or drive it from a pseudo-terminal.
    pub fn process(&self) -> std::process::Command {
        let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin("masst"));
        for (k, v) in TEST_AWS_ENV {
            cmd.env(k, v);
        }
        cmd.env("NO_COLOR", "1").env("XDG_CONFIG_HOME", "/nonexistent-masst-test");
        cmd.arg("--endpoint-url").arg(&self.endpoint);
        cmd
    }

    /// `masst ARGS` in a shell that first sizes its terminal (a pseudo-terminal starts at 0×0,
    /// where a full-screen program has nothing to draw on).
    pub fn process_sized(&self, cols: u16, rows: u16, args: &[&str]) -> std::process::Command {
        let mut cmd = std::process::Command::new("sh");
        for (k, v) in TEST_AWS_ENV {
            cmd.env(k, v);
        }
        cmd.env("NO_COLOR", "1").env("XDG_CONFIG_HOME", "/nonexistent-masst-test");
        let script = format!("stty cols {cols} rows {rows}; exec \"$0\" \"$@\"");
        cmd.arg("-c").arg(script).arg(assert_cmd::cargo::cargo_bin("masst")).arg("--endpoint-url").arg(&self.endpoint);
        cmd.args(args);
        cmd
    }

    /// `masst lab up --scenario NAME`, which must succeed.
    pub fn lab_up(&self, scenario: &str) {
        let (code, out, err) = crate::cli::run(self.masst().args(["lab", "up", "--scenario", scenario]));
        assert_eq!(code, 0, "lab up {scenario}: {out}{err}");
    }

    /// SDK clients on this emulator, for tests that change the world behind masst's back.
    pub fn clients(&self) -> masst::aws::Clients {
        let conf = block_on(
            aws_config::defaults(aws_config::BehaviorVersion::latest())
                .region(aws_config::Region::new("us-east-1"))
                .endpoint_url(&self.endpoint)
                .credentials_provider(aws_sdk_sqs::config::Credentials::new("testing", "testing", None, None, "test"))
                .load(),
        );
        masst::aws::Clients::from_conf(&conf, Some(self.endpoint.clone()), "us-east-1".into())
    }
}

impl Drop for Emulator {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub(crate) const TEST_AWS_ENV: [(&str, &str); 7] = [
    ("AWS_ACCESS_KEY_ID", "testing"),
    ("AWS_SECRET_ACCESS_KEY", "testing"),
    ("AWS_REGION", "us-east-1"),
    ("AWS_EC2_METADATA_DISABLED", "true"),
    ("AWS_CONFIG_FILE", "/nonexistent/masst-test/config"),
    ("AWS_SHARED_CREDENTIALS_FILE", "/nonexistent/masst-test/credentials"),
    ("AWS_MAX_ATTEMPTS", "1"),
];

/// Test credentials, a region, no shared config files and one attempt per call, so an
/// emulator gap shows at once instead of after retries.
pub fn with_test_aws(c: &mut Cmd) {
    for (k, v) in TEST_AWS_ENV {
        c.env(k, v);
    }
    c.env_remove("AWS_PROFILE").env_remove("AWS_ENDPOINT_URL").env_remove("AWS_SESSION_TOKEN");
}

pub fn block_on<T>(f: impl std::future::Future<Output = T>) -> T {
    tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap().block_on(f)
}
