//! `masst dlq inspect|redrive` against the emulator: exactly the selected messages move, with
//! the bodies and attributes the contract asks for, and no job is ever lost, even when the
//! process is killed mid-run or the endpoint drops a fifth of the calls.

use std::collections::BTreeMap;
use std::time::Duration;

use aws_sdk_sqs::types::{
    MessageAttributeValue, MessageSystemAttributeName, QueueAttributeName, SendMessageBatchRequestEntry,
};
use serde_json::{json, Value};

use crate::cli::run;
use crate::emulator::{block_on, Emulator};

struct Queues {
    emu: Emulator,
    c: masst::aws::Clients,
    dir: tempfile::TempDir,
    dlq: String,
    primary: String,
}

fn attr(v: &str) -> MessageAttributeValue {
    MessageAttributeValue::builder().data_type("String").string_value(v).build().unwrap()
}

impl Queues {
    /// A primary queue whose RedrivePolicy names the DLQ (FIFO when `fifo`).
    fn new(fifo: bool) -> Queues {
        let emu = Emulator::start();
        let c = emu.clients();
        let sfx = if fifo { ".fifo" } else { "" };
        let (primary, dlq) = (format!("jobs{sfx}"), format!("jobs-dlq{sfx}"));
        block_on(async {
            let mut q = c.sqs.create_queue().queue_name(&dlq);
            if fifo {
                q = q.attributes(QueueAttributeName::FifoQueue, "true");
            }
            let dlq_url = q.send().await.unwrap().queue_url().unwrap().to_string();
            let arn = c
                .sqs
                .get_queue_attributes()
                .queue_url(&dlq_url)
                .attribute_names(QueueAttributeName::QueueArn)
                .send()
                .await
                .unwrap();
            let arn = arn.attributes().unwrap()[&QueueAttributeName::QueueArn].clone();
            let mut q = c.sqs.create_queue().queue_name(&primary).attributes(
                QueueAttributeName::RedrivePolicy,
                json!({"deadLetterTargetArn": arn, "maxReceiveCount": 1000}).to_string(),
            );
            // (a high maxReceiveCount: the test's own reads of the primary queue must not send
            // messages back to the DLQ the way SQS, and moto, do after maxReceiveCount receives)
            if fifo {
                q = q.attributes(QueueAttributeName::FifoQueue, "true");
            }
            q.send().await.unwrap();
        });
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("masst.toml"), format!("[resources]\nqueue = \"{primary}\"\ndlq = \"{dlq}\"\n"))
            .unwrap();
        Queues { emu, c, dir, dlq, primary }
    }

    fn url(&self, name: &str) -> String {
        block_on(self.c.sqs.get_queue_url().queue_name(name).send()).unwrap().queue_url().unwrap().to_string()
    }

    /// Puts messages in the DLQ: (body, error_type attribute, group id).
    fn fill(&self, msgs: &[(String, Option<&str>, Option<&str>)]) {
        let url = self.url(&self.dlq);
        block_on(async {
            for (n, chunk) in msgs.chunks(10).enumerate() {
                let entries = chunk
                    .iter()
                    .enumerate()
                    .map(|(i, (body, et, group))| {
                        let mut e = SendMessageBatchRequestEntry::builder()
                            .id(format!("e{i}"))
                            .message_body(body)
                            .message_attributes("tenant", attr("manga-jp"));
                        if let Some(t) = et {
                            e = e.message_attributes("error_type", attr(t));
                        }
                        if let Some(g) = group {
                            e = e.message_group_id(*g).message_deduplication_id(format!("seed-{n}-{i}"));
                        }
                        e.build().unwrap()
                    })
                    .collect();
                let out =
                    self.c.sqs.send_message_batch().queue_url(&url).set_entries(Some(entries)).send().await.unwrap();
                assert!(out.failed().is_empty(), "{:?}", out.failed());
            }
        });
    }

    fn masst(&self, args: &[&str]) -> (i32, String, String) {
        let conf = self.dir.path().join("masst.toml");
        let journal = self.dir.path().join("journal.jsonl");
        run(self.emu.masst().arg("--config").arg(conf).arg("--journal").arg(journal).args(args))
    }

    /// Every message of a queue, read and then made visible again: (body, attributes, group).
    fn read_all(&self, name: &str) -> Vec<(Value, BTreeMap<String, String>, Option<String>)> {
        let url = self.url(name);
        block_on(async {
            let mut out = Vec::new();
            let mut handles = Vec::new();
            loop {
                let r = self
                    .c
                    .sqs
                    .receive_message()
                    .queue_url(&url)
                    .max_number_of_messages(10)
                    .visibility_timeout(30)
                    .message_attribute_names("All")
                    .message_system_attribute_names(MessageSystemAttributeName::All)
                    .send()
                    .await
                    .unwrap();
                if r.messages().is_empty() {
                    break;
                }
                for m in r.messages() {
                    handles.push((format!("h{}", handles.len()), m.receipt_handle().unwrap().to_string()));
                    let body =
                        serde_json::from_str(m.body().unwrap()).unwrap_or(Value::String(m.body().unwrap().into()));
                    let attrs = m
                        .message_attributes()
                        .map(|a| {
                            a.iter()
                                .map(|(k, v)| (k.clone(), v.string_value().unwrap_or_default().to_string()))
                                .collect()
                        })
                        .unwrap_or_default();
                    let group =
                        m.attributes().and_then(|a| a.get(&MessageSystemAttributeName::MessageGroupId)).cloned();
                    out.push((body, attrs, group));
                }
            }
            masst::aws::sqs::release(&self.c, &url, &handles).await.unwrap();
            out
        })
    }

    fn depth(&self, name: &str) -> (u64, u64) {
        let url = self.url(name);
        let a =
            block_on(self.c.sqs.get_queue_attributes().queue_url(url).attribute_names(QueueAttributeName::All).send())
                .unwrap();
        let a = a.attributes().unwrap();
        let n = |k: QueueAttributeName| a[&k].parse::<u64>().unwrap();
        (
            n(QueueAttributeName::ApproximateNumberOfMessages),
            n(QueueAttributeName::ApproximateNumberOfMessagesNotVisible),
        )
    }
}

fn job(id: &str, pad: usize) -> Value {
    json!({"job_id": id, "kind": "catalog-enrichment", "payload": {"pad": "x".repeat(pad)}, "_retry_count": 3})
}

fn envelope(id: &str, et: Value) -> String {
    json!({"original_request": job(id, 0), "error_type": et, "retry_count": 3, "exhausted_at": 1_781_000_000})
        .to_string()
}

/// A DLQ with every format of contract §4 and the awkward cases.
fn mixed() -> Vec<(String, Option<&'static str>, Option<&'static str>)> {
    let mut m = Vec::new();
    for i in 0..5 {
        m.push((envelope(&format!("env-retry-{i}"), json!("ThrottlingException")), None, None));
        m.push((job(&format!("raw-retry-{i}"), 0).to_string(), Some("ModelTimeoutException"), None));
    }
    m.push((job("raw-huge", 250_000).to_string(), Some("ServiceUnavailableException"), None));
    for i in 0..3 {
        m.push((job(&format!("raw-invalid-{i}"), 0).to_string(), Some("ValidationException"), None));
    }
    m.push((envelope("env-denied-0", json!("AccessDeniedException")), None, None));
    m.push((envelope("env-denied-1", json!("AccessDeniedException")), None, None));
    m.push(("worker crashed: out of memory".to_string(), None, None));
    m.push(("\u{FFFD}PNG\r\n\u{E000}\u{E001}".to_string(), Some("ThrottlingException"), None));
    m.push((json!({"error_type": "ThrottlingException", "retry_count": 3}).to_string(), None, None));
    m.push((envelope("env-numeric-type", json!(42)), None, None));
    m
}

fn job_ids(msgs: &[(Value, BTreeMap<String, String>, Option<String>)]) -> Vec<String> {
    let mut ids: Vec<String> = msgs
        .iter()
        .filter_map(|(b, _, _)| {
            b.get("job_id").or_else(|| b.pointer("/original_request/job_id")).and_then(Value::as_str).map(String::from)
        })
        .collect();
    ids.sort();
    ids
}

#[test]
fn retryable_only_moves_exactly_the_retryable_jobs_with_their_bodies_and_attributes() {
    let q = Queues::new(false);
    q.fill(&mixed());
    let (code, out, err) = q.masst(&["dlq", "inspect", "--output", "json", "--show", "3"]);
    assert_eq!(code, 0, "{err}");
    let ins: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(ins["messages"], 20);
    assert_eq!(ins["by_class"]["retryable"], 11, "{ins}");
    assert_eq!(ins["by_class"]["unknown"], 4, "text, binary, no original_request, numeric error_type: {ins}");
    assert_eq!(ins["by_format"]["envelope"], 8, "{ins}");
    assert_eq!(q.depth(&q.dlq), (20, 0), "inspect consumed nothing and left nothing hidden");

    let (code, out, err) = q.masst(&["dlq", "redrive", "--dry-run"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("11 of 20 message(s) would move"), "{out}");
    assert_eq!(q.depth(&q.primary).0, 0, "a dry run moves nothing");

    let (code, out, err) = q.masst(&["dlq", "redrive", "--yes"]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(err.contains("retryable error types only (the default"), "the default selection is said: {err}");
    let moved = q.read_all(&q.primary);
    let mut want: Vec<String> = (0..5).flat_map(|i| [format!("env-retry-{i}"), format!("raw-retry-{i}")]).collect();
    want.push("raw-huge".into());
    want.sort();
    assert_eq!(job_ids(&moved), want);
    for (body, attrs, _) in &moved {
        assert_eq!(body["_retry_count"], 0, "{body}");
        assert!(body.get("original_request").is_none(), "the job body is sent, not the envelope");
        assert_eq!(attrs.get("tenant").map(String::as_str), Some("manga-jp"), "attributes are kept");
        assert!(!attrs.contains_key("error_type"), "error_type is dropped");
    }
    assert_eq!(
        moved.iter().find(|(b, _, _)| b["job_id"] == "raw-huge").unwrap().0["payload"]["pad"].as_str().unwrap().len(),
        250_000
    );
    assert_eq!(q.depth(&q.dlq), (9, 0), "the rest stays in the DLQ, visible");

    // Asking for a non-retryable type by name moves it.
    let (code, _, err) = q.masst(&["dlq", "redrive", "--error-type", "ValidationException", "--yes"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(q.depth(&q.dlq), (6, 0));
    let journal = std::fs::read_to_string(q.dir.path().join("journal.jsonl")).unwrap();
    // Line 1: the first redrive written ahead, line 2 its outcome.
    let first: Value = serde_json::from_str(journal.lines().nth(1).unwrap()).unwrap();
    assert_eq!(first["action"], "dlq.redrive");
    assert_eq!(first["state"], "applied");
    assert_eq!(first["after"]["moved_ids"].as_array().unwrap().len(), 11);
}

#[test]
fn a_fifo_redrive_keeps_group_ids_and_a_standard_destination_is_refused() {
    let q = Queues::new(true);
    // Raw bodies and envelopes, in two message groups.
    let msgs: Vec<(String, Option<&str>, Option<&str>)> = (0..6usize)
        .map(|i| {
            let group = Some(if i.is_multiple_of(2) { "g-even" } else { "g-odd" });
            if i < 3 {
                (job(&format!("fifo-{i}"), 0).to_string(), Some("ThrottlingException"), group)
            } else {
                (envelope(&format!("fifo-{i}"), json!("ThrottlingException")), None, group)
            }
        })
        .collect();
    q.fill(&msgs);
    let (code, _, err) = q.masst(&["dlq", "redrive", "--yes"]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("FIFO"), "{err}");
    let moved = q.read_all(&q.primary);
    assert_eq!(job_ids(&moved).len(), 6);
    for (body, _, group) in &moved {
        assert_eq!(body["_retry_count"], 0);
        let n: usize = body["job_id"].as_str().unwrap()[5..].parse().unwrap();
        assert_eq!(group.as_deref(), Some(if n.is_multiple_of(2) { "g-even" } else { "g-odd" }));
    }

    block_on(q.c.sqs.create_queue().queue_name("plain").send()).unwrap();
    q.fill(&msgs[..1].iter().map(|(b, e, _)| (b.clone(), *e, Some("g"))).collect::<Vec<_>>());
    let (code, _, err) = q.masst(&["dlq", "redrive", "--to", "plain", "--yes"]);
    assert_eq!(code, 2);
    assert!(err.contains("is a FIFO queue but plain is standard"), "{err}");
}

#[test]
fn a_dlq_that_no_queue_uses_is_refused_with_the_fix() {
    let q = Queues::new(false);
    block_on(q.c.sqs.create_queue().queue_name("orphan-dlq").send()).unwrap();
    std::fs::write(q.dir.path().join("masst.toml"), "[resources]\ndlq = \"orphan-dlq\"\n").unwrap();
    let (code, _, err) = q.masst(&["dlq", "redrive", "--yes"]);
    assert_eq!(code, 2);
    assert!(err.contains("no queue names orphan-dlq as its dead-letter queue") && err.contains("--to"), "{err}");
    let (code, _, err) = q.masst(&["dlq", "redrive"]);
    assert_eq!(code, 2, "{err}");
}

#[test]
fn without_a_terminal_or_yes_nothing_moves() {
    let q = Queues::new(false);
    q.fill(&mixed()[..4]);
    let (code, _, err) = q.masst(&["dlq", "redrive"]);
    assert_eq!(code, 4);
    assert!(err.contains("--yes"), "{err}");
    assert_eq!(q.depth(&q.dlq), (4, 0));
}

#[test]
fn killing_the_redrive_at_any_point_loses_no_job() {
    let q = Queues::new(false);
    let msgs: Vec<(String, Option<&str>, Option<&str>)> =
        (0..300).map(|i| (job(&format!("kill-{i:03}"), 0).to_string(), Some("ThrottlingException"), None)).collect();
    q.fill(&msgs);
    let all: Vec<String> = (0..300).map(|i| format!("kill-{i:03}")).collect();
    let conf = q.dir.path().join("masst.toml");
    for (kills, delay_ms) in [300u64, 900, 1500].into_iter().enumerate().map(|(i, d)| (i + 1, d)) {
        let mut child = q
            .emu
            .process()
            .arg("--config")
            .arg(&conf)
            .arg("--journal")
            .arg(q.dir.path().join("journal.jsonl"))
            .args(["dlq", "redrive", "--yes", "--rate", "60", "--concurrency", "1", "--visibility-timeout", "5"])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(delay_ms));
        child.kill().unwrap(); // SIGKILL: no cleanup runs
        child.wait().unwrap();
        std::thread::sleep(Duration::from_millis(5500)); // a held batch comes back
        let dlq = job_ids(&q.read_all(&q.dlq));
        let primary = job_ids(&q.read_all(&q.primary));
        let mut union: Vec<String> = dlq.iter().chain(primary.iter()).cloned().collect();
        union.sort();
        union.dedup();
        assert_eq!(union, all, "after a kill at {delay_ms} ms every job is somewhere");
        // A kill between a batch's send and its delete leaves that batch in both queues; the
        // next run copies it again. So: at most one batch (one worker) of duplicates per kill.
        let duplicates = dlq.len() + primary.len() - all.len();
        assert!(duplicates <= 10 * kills, "{duplicates} duplicates after {kills} kill(s)");
    }
    // Finishing the run leaves every job in the primary queue.
    let (code, _, err) = q.masst(&["dlq", "redrive", "--yes"]);
    assert_eq!(code, 0, "{err}");
    let primary = job_ids(&q.read_all(&q.primary));
    let mut uniq = primary.clone();
    uniq.dedup();
    assert_eq!(uniq, all);
    assert!(primary.len() - all.len() <= 30);
    assert_eq!(q.depth(&q.dlq), (0, 0));
}

#[test]
fn a_redrive_through_a_flaky_endpoint_still_puts_every_job_where_it_belongs() {
    let q = Queues::new(false);
    let mut msgs: Vec<(String, Option<&str>, Option<&str>)> =
        (0..120).map(|i| (job(&format!("flaky-{i:03}"), 0).to_string(), Some("ThrottlingException"), None)).collect();
    msgs.extend((0..3).map(|i| (job(&format!("bad-{i}"), 0).to_string(), Some("ValidationException"), None)));
    q.fill(&msgs);
    q.emu.set(0.0, 0.2);
    let conf = q.dir.path().join("masst.toml");
    let (code, out, err) =
        run(q.emu.masst().env("AWS_MAX_ATTEMPTS", "10").arg("--config").arg(conf).args(["dlq", "redrive", "--yes"]));
    q.emu.set(0.0, 0.0);
    assert_eq!(code, 0, "{out}{err}");
    let want: Vec<String> = (0..120).map(|i| format!("flaky-{i:03}")).collect();
    assert_eq!(job_ids(&q.read_all(&q.primary)), want, "each retryable job exactly once");
    assert_eq!(job_ids(&q.read_all(&q.dlq)), ["bad-0", "bad-1", "bad-2"]);
}

#[test]
fn ctrl_c_lets_the_batches_in_flight_finish_and_loses_nothing() {
    let q = Queues::new(false);
    let msgs: Vec<(String, Option<&str>, Option<&str>)> =
        (0..200).map(|i| (job(&format!("int-{i:03}"), 0).to_string(), Some("ThrottlingException"), None)).collect();
    q.fill(&msgs);
    let child = q
        .emu
        .process()
        .arg("--config")
        .arg(q.dir.path().join("masst.toml"))
        .arg("--journal")
        .arg(q.dir.path().join("journal.jsonl"))
        .args(["dlq", "redrive", "--yes", "--rate", "40", "--concurrency", "2"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // Interrupt it once it is under way.
    let deadline = std::time::Instant::now() + Duration::from_secs(30);
    while q.depth(&q.primary).0 < 20 {
        assert!(std::time::Instant::now() < deadline, "the redrive never got going");
        std::thread::sleep(Duration::from_millis(50));
    }
    let kill = std::process::Command::new("kill").args(["-INT", &child.id().to_string()]).status().unwrap();
    assert!(kill.success());
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(130), "{}", String::from_utf8_lossy(&out.stderr));
    let dlq = job_ids(&q.read_all(&q.dlq));
    let primary = job_ids(&q.read_all(&q.primary));
    assert!(!primary.is_empty() && !dlq.is_empty(), "it was stopped mid-run");
    let mut all: Vec<String> = dlq.iter().chain(primary.iter()).cloned().collect();
    all.sort();
    let want: Vec<String> = (0..200).map(|i| format!("int-{i:03}")).collect();
    assert_eq!(all, want, "a clean stop finishes its batches: every job exactly once");
    let journal = std::fs::read_to_string(q.dir.path().join("journal.jsonl")).unwrap();
    assert!(journal.contains(&format!("\"moved\":{}", primary.len())), "the journal records what moved");
}

/// `n` retryable raw jobs named `PREFIX-i`.
fn retryable(prefix: &str, n: usize) -> Vec<(String, Option<&'static str>, Option<&'static str>)> {
    (0..n).map(|i| (job(&format!("{prefix}-{i}"), 0).to_string(), Some("ThrottlingException"), None)).collect()
}

#[test]
fn a_deep_mixed_dlq_is_redriven_to_the_end_in_one_run() {
    let q = Queues::new(false);
    let mut msgs = retryable("r", 2_700);
    msgs.extend((0..150).map(|i| (job(&format!("v-{i}"), 0).to_string(), Some("ValidationException"), None)));
    msgs.extend((0..150).map(|i| (format!("not json {i}"), None, None)));
    q.fill(&msgs);
    let (code, out, err) = q.masst(&["dlq", "redrive", "--yes", "--output", "json"]);
    assert_eq!(code, 0, "{out}{err}");
    let report: Value = serde_json::from_str(&out).unwrap();
    assert_eq!((report["selected"].as_u64(), report["moved"].as_u64()), (Some(2_700), Some(2_700)), "{report}");
    assert_eq!(report["complete"], true);
    assert_eq!(q.depth(&q.dlq), (300, 0), "the DLQ holds exactly the unselected messages, visible");
    assert_eq!(q.depth(&q.primary).0, 2_700);
    let calls = report["aws_calls"].as_f64().unwrap();
    assert!(calls / 2_700.0 <= 0.36, "{calls} calls for 2,700 moved: no scan of the queue per round");
}

#[test]
fn an_oversized_and_a_refused_message_are_left_and_named_and_the_run_ends() {
    let q = Queues::new(false);
    // The destination takes at most 2 KiB a message; the DLQ took a 3 KiB one.
    let primary = q.url(&q.primary);
    block_on(
        q.c.sqs
            .set_queue_attributes()
            .queue_url(&primary)
            .attributes(QueueAttributeName::MaximumMessageSize, "2048")
            .send(),
    )
    .unwrap();
    let mut msgs = retryable("ok", 40);
    msgs.push((job("huge", 3_000).to_string(), Some("ThrottlingException"), None));
    msgs.push((
        json!({"job_id": "poison", "payload": {"note": "poison-pill"}}).to_string(),
        Some("ThrottlingException"),
        None,
    ));
    q.fill(&msgs);
    q.emu.set_json(r#"{"reject_bodies_containing": "poison-pill"}"#);
    let started = std::time::Instant::now();
    let (code, out, err) = q.masst(&["dlq", "redrive", "--yes"]);
    assert!(started.elapsed() < Duration::from_secs(60), "the run ends");
    assert_eq!(code, 4, "{out}{err}");
    assert!(out.contains("too large once rewritten") && out.contains("over the 2048 bytes"), "{out}");
    assert!(out.contains("refused 3 times by jobs: KMS.DisabledException"), "{out}");
    assert!(err.contains("2 selected message(s) could not be moved"), "{err}");
    assert_eq!(q.depth(&q.primary).0, 40, "every other message moved");
    let left = job_ids(&q.read_all(&q.dlq));
    assert_eq!(left, ["huge", "poison"]);
}

/// The issue's world: the primary queue takes 256 KiB a message, the DLQ 1 MiB; 30 retryable
/// jobs and one retryable job of about 300 KB wait in the DLQ. SQS (and the emulator) refuse a
/// whole `SendMessageBatch` when one entry is over the queue's limit.
#[test]
fn a_message_the_primary_queue_cannot_take_is_named_and_strands_no_other() {
    let q = Queues::new(false);
    for (name, size) in [(&q.primary, "262144"), (&q.dlq, "1048576")] {
        let url = q.url(name);
        block_on(
            q.c.sqs
                .set_queue_attributes()
                .queue_url(&url)
                .attributes(QueueAttributeName::MaximumMessageSize, size)
                .send(),
        )
        .unwrap();
    }
    let mut msgs = retryable("good", 30);
    msgs.insert(13, (job("big", 300_000).to_string(), Some("ThrottlingException"), None));
    q.fill(&msgs);
    // The emulator judges each entry against the destination's limit, as SQS does.
    let one_batch = block_on(
        q.c.sqs
            .send_message_batch()
            .queue_url(q.url(&q.primary))
            .entries(SendMessageBatchRequestEntry::builder().id("a").message_body("{}").build().unwrap())
            .entries(SendMessageBatchRequestEntry::builder().id("b").message_body("x".repeat(300_000)).build().unwrap())
            .send(),
    );
    assert!(one_batch.is_err(), "a batch with one entry over MaximumMessageSize is refused whole");
    assert_eq!(q.depth(&q.primary).0, 0);

    let (code, out, err) = q.masst(&["dlq", "redrive", "--retryable-only", "--yes"]);
    assert_eq!(code, 4, "{out}{err}");
    let moved = job_ids(&q.read_all(&q.primary));
    let want: Vec<String> = {
        let mut w: Vec<String> = (0..30).map(|i| format!("good-{i}")).collect();
        w.sort();
        w
    };
    assert_eq!(moved, want, "every good job moved, once");
    assert_eq!(job_ids(&q.read_all(&q.dlq)), ["big"], "only the job that cannot fit stays");
    // Named: its message id, its size and the queue's limit.
    let line = out.lines().find(|l| l.trim_start().starts_with("failed ")).unwrap_or_else(|| panic!("{out}"));
    assert!(line.contains("300") && line.contains("bytes, over the 262144 bytes jobs accepts"), "{line}");
    assert!(err.contains("1 selected message(s) could not be moved"), "{err}");
}

#[test]
fn max_moves_exactly_n_and_an_impossible_max_is_refused() {
    let q = Queues::new(false);
    let mut msgs = retryable("r", 30);
    msgs.extend((0..5).map(|i| (job(&format!("v-{i}"), 0).to_string(), Some("ValidationException"), None)));
    q.fill(&msgs);
    let (code, out, err) = q.masst(&["dlq", "redrive", "--max", "5", "--yes"]);
    assert_eq!(code, 0, "{out}{err}");
    assert_eq!(q.depth(&q.primary).0, 5);
    assert_eq!(q.depth(&q.dlq).0, 30);
    for bad in ["0", "18446744073709551615"] {
        let (code, _, err) = q.masst(&["dlq", "redrive", "--max", bad, "--yes"]);
        assert_eq!(code, 2, "--max {bad}: {err}");
    }
    assert_eq!(q.depth(&q.primary).0, 5);
}

#[test]
fn redriving_the_dlq_into_itself_is_refused() {
    let q = Queues::new(false);
    q.fill(&retryable("r", 3));
    let (code, _, err) = q.masst(&["dlq", "redrive", "--to", &q.dlq.clone(), "--all", "--yes"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("is the DLQ itself"), "{err}");
    assert_eq!(q.depth(&q.dlq), (3, 0));
}

#[test]
fn a_run_that_aborts_under_faults_prints_its_summary_and_journals_what_it_moved() {
    let q = Queues::new(false);
    q.fill(&retryable("r", 300));
    let journal = q.dir.path().join("journal.jsonl");
    let mut aborted = None;
    q.emu.set(0.0, 0.3);
    for _ in 0..20 {
        let (code, out, err) = q.masst(&["dlq", "redrive", "--yes", "--concurrency", "2"]);
        if code == 4 && out.contains("moved") {
            aborted = Some((out, err));
            break;
        }
    }
    q.emu.set(0.0, 0.0);
    let (out, err) = aborted.expect("a faulted run aborted after it started moving");
    assert!(out.contains("selected (seen by this run)") && out.contains("journal entry"), "{out}\n{err}");
    // Every job that left the DLQ is named by a journal entry.
    let entries: Vec<Value> = std::fs::read_to_string(&journal)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap())
        .filter(|e| e["after"].get("moved").is_some())
        .collect();
    let journaled: u64 = entries.iter().map(|e| e["after"]["moved"].as_u64().unwrap()).sum();
    let (visible, hidden) = q.depth(&q.dlq);
    assert_eq!(journaled, 300 - visible - hidden, "the journal accounts for every moved message");
    let duplicates: u64 =
        entries.iter().map(|e| e["after"]["copied_not_deleted"].as_array().unwrap().len() as u64).sum();
    assert_eq!(q.depth(&q.primary).0, journaled + duplicates, "the primary holds what moved, and the named duplicates");
}

#[test]
fn a_redrive_cut_short_by_an_aws_fault_is_a_failed_action_with_the_counts() {
    let q = Queues::new(false);
    q.fill(&retryable("r", 300));
    // Every call fails from 2 s on: the run has moved some and cannot reach the rest.
    q.emu.set_json(r#"{"fault_rate": 1.0, "fault_kind": "http-500", "faults_after_s": 2}"#);
    let (code, out, err) = q.masst(&["dlq", "redrive", "--yes", "--rate", "50", "--concurrency", "1"]);
    q.emu.set_json(r#"{"fault_rate": 0.0, "fault_kind": "mixed"}"#);
    assert_eq!(code, 4, "not every selected message moved: exit 4, as the README says\n{out}{err}");
    assert!(out.contains("moved") && out.contains("journal entry"), "the summary with the counts: {out}");
    let moved = q.depth(&q.primary).0;
    assert!(moved > 0 && moved < 300, "cut short mid-run: {moved} moved");
    assert!(err.contains("sqs:"), "the fault that ended it: {err}");
}

#[test]
fn inspect_says_what_it_could_not_see() {
    // A FIFO DLQ: messages behind a held message of the same group cannot be read.
    let q = Queues::new(true);
    let msgs: Vec<(String, Option<&str>, Option<&str>)> = (0..12usize)
        .map(|i| {
            (job(&format!("f-{i}"), 0).to_string(), Some("ThrottlingException"), Some(if i < 6 { "g1" } else { "g2" }))
        })
        .collect();
    q.fill(&msgs);
    let (code, out, err) = q.masst(&["dlq", "inspect", "--output", "json"]);
    let ins: Value = serde_json::from_str(&out).unwrap();
    let read = ins["coverage"]["read"].as_u64().unwrap();
    assert!(read < 12, "a held message blocks the rest of its group, as on SQS: read {read}");
    assert_eq!(code, 1, "{err}");
    assert!(err.contains(&format!("read {read} of ≈12")) && err.contains("FIFO"), "{err}");
    assert_eq!(q.depth(&q.dlq), (12, 0), "everything it held is visible again");

    // A standard DLQ with messages someone else holds.
    let s = Queues::new(false);
    s.fill(&retryable("r", 20));
    let url = s.url(&s.dlq);
    block_on(s.c.sqs.receive_message().queue_url(&url).max_number_of_messages(5).visibility_timeout(300).send())
        .unwrap();
    let (code, out, err) = s.masst(&["dlq", "inspect"]);
    assert_eq!(code, 1, "{out}{err}");
    assert!(err.contains("read 15 of ≈20") && err.contains("5 in flight elsewhere"), "{err}");
    assert!(out.contains("retryable"), "{out}");
    let (code, _, err) = s.masst(&["dlq", "inspect", "--sample", "10"]);
    assert_eq!(code, 0, "a sample asked for is not a shortfall: {err}");
}

#[test]
fn bodies_and_error_types_reach_the_terminal_escaped() {
    let q = Queues::new(false);
    q.fill(&[
        ("wipe \u{1b}[2J then \u{9b}31m and \u{202e}gnp.exe".to_string(), None, None),
        (job("evil-type", 0).to_string(), Some("Bad\u{1b}]0;pwned\u{7}Type"), None),
    ]);
    let (code, out, err) = q.masst(&["dlq", "inspect", "--show", "2"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("\\x1b[2J") && out.contains("\\u{9b}31m") && out.contains("\\u{202e}gnp.exe"), "{out}");
    assert!(out.contains("Bad\\x1b]0;pwned\\x07Type"), "{out}");
    assert!(
        !out.contains('\u{1b}') && !out.contains('\u{202e}') && !out.contains('\u{9b}'),
        "raw control characters reached stdout: {out:?}"
    );
}

#[test]
fn inspect_publish_writes_the_dlq_composition_as_metrics() {
    let q = Queues::new(false);
    let mut msgs = retryable("r", 4);
    msgs.push((job("v", 0).to_string(), Some("ValidationException"), None));
    msgs.push(("not json".to_string(), None, None));
    q.fill(&msgs);
    let (code, _, err) = q.masst(&["dlq", "inspect", "--publish"]);
    assert_eq!(code, 0, "{err}");
    let c = q.emu.clients();
    let now = aws_smithy_types::DateTime::from_secs(jiff::Timestamp::now().as_second() + 60);
    let start = aws_smithy_types::DateTime::from_secs(jiff::Timestamp::now().as_second() - 600);
    let query = |id: &str, metric: &str| {
        aws_sdk_cloudwatch::types::MetricDataQuery::builder()
            .id(id)
            .metric_stat(
                aws_sdk_cloudwatch::types::MetricStat::builder()
                    .metric(
                        aws_sdk_cloudwatch::types::Metric::builder()
                            .namespace("MangaAssist/DLQ")
                            .metric_name(metric)
                            .build(),
                    )
                    .period(60)
                    .stat("Maximum")
                    .build(),
            )
            .build()
    };
    let out = block_on(
        c.cloudwatch
            .get_metric_data()
            .start_time(start)
            .end_time(now)
            .metric_data_queries(query("r", "Retryable"))
            .metric_data_queries(query("n", "NonRetryable"))
            .metric_data_queries(query("u", "Unknown"))
            .send(),
    )
    .unwrap();
    let value = |id: &str| {
        out.metric_data_results().iter().find(|r| r.id() == Some(id)).and_then(|r| r.values().first().copied())
    };
    assert_eq!((value("r"), value("n"), value("u")), (Some(4.0), Some(1.0), Some(1.0)));
}
