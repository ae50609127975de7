//! The sender: batches packed under SQS's limits, sent with `SendMessageBatch`, and exactly
//! the confirmed copies deleted from the DLQ; refused batches split, refused messages retried
//! and then named.

#[allow(unused_imports)]
use super::*;

/// A selected message on its way: the message, the body to send, its size as SQS counts it,
/// and how many times SQS has refused it.
#[derive(Debug, Clone)]
pub struct Item<'a> {
    pub msg: &'a Received,
    pub body: String,
    pub size: usize,
    pub attempts: u32,
}

impl Item<'_> {
    pub(super) fn id(&self) -> String {
        self.msg.id.clone()
    }
    pub(super) fn handle(&self) -> String {
        self.msg.receipt_handle.clone()
    }
}

/// A message's size as SQS counts it: the body and every attribute kept (name, type, value).
pub fn message_size(m: &Received, body: &str) -> usize {
    let attrs: usize = m
        .attributes
        .iter()
        .filter(|(k, _)| k.as_str() != "error_type")
        .map(|(k, v)| {
            k.len()
                + v.data_type.len()
                + v.string.as_ref().map_or(0, String::len)
                + v.binary.as_ref().map_or(0, Vec::len)
        })
        .sum();
    body.len() + attrs
}

/// Sends the selected messages of one receive, retrying what SQS refused: a whole batch that
/// fails is split so one poison message cannot hold the others back, and every message gets at
/// most [`ATTEMPTS`] tries before it is left in the DLQ, named.
pub(super) async fn send_all(
    clients: &Clients,
    route: &Route,
    opts: &Options,
    sh: &Shared,
    items: Vec<Item<'_>>,
    received: Instant,
) -> Result<u64, Error> {
    let mut queue: std::collections::VecDeque<Vec<Item>> = pack(items).into();
    let mut moved = 0;
    while let Some(group) = queue.pop_front() {
        if received.elapsed().as_secs() as i32 > opts.visibility / 2 {
            // Work ran long: keep the rest hidden while it is copied and deleted.
            let keep: Vec<(String, String)> = group.iter().map(|it| (it.id(), it.handle())).collect();
            sh.calls.fetch_add(1, Ordering::Relaxed);
            sqs::extend(clients, &route.dlq_url, &keep, opts.visibility).await?;
        }
        let sent = send_and_delete(clients, route, sh, &group).await?;
        moved += sent.moved;
        let mut again = Vec::new();
        let whole = sent.whole_batch && sent.retry.len() > 1;
        for (mut it, why, permanent) in sent.retry {
            // A split is not an attempt: only a refusal of the message itself counts.
            if !whole {
                it.attempts += if permanent { ATTEMPTS } else { 1 };
            }
            if it.attempts >= ATTEMPTS {
                let tries = if permanent { "refused".to_string() } else { format!("refused {ATTEMPTS} times") };
                sh.fail(it.id(), it.handle(), format!("{tries} by {}: {why}", route.dest_name));
            } else {
                again.push(it);
            }
        }
        if again.is_empty() {
            continue;
        }
        let backoff = again.iter().map(|it| it.attempts).max().unwrap_or(0);
        if backoff > 0 {
            tokio::time::sleep(std::time::Duration::from_millis(100 << backoff)).await;
        }
        if whole {
            let half = again.len() / 2;
            let rest = again.split_off(half);
            queue.push_front(rest);
            queue.push_front(again);
        } else {
            for g in pack(again).into_iter().rev() {
                queue.push_front(g);
            }
        }
    }
    Ok(moved)
}

/// Groups messages into batches of at most ten under SQS's request limit (1 MiB).
pub(super) fn pack(items: Vec<Item<'_>>) -> Vec<Vec<Item<'_>>> {
    let mut out: Vec<Vec<Item>> = Vec::new();
    let mut size = 0;
    for it in items {
        if out.last().is_none_or(|g| g.len() == 10 || size + it.size > REQUEST_BYTES) {
            out.push(Vec::new());
            size = 0;
        }
        size += it.size;
        out.last_mut().expect("pushed").push(it);
    }
    out
}

/// The FIFO deduplication id of a redriven message: derived from the original message id, so
/// a batch sent twice (a retry, a rerun after a kill) is delivered once.
pub fn dedup_id(message_id: &str) -> String {
    let clean: String = message_id.chars().filter(|c| c.is_ascii_alphanumeric() || "-_.".contains(*c)).collect();
    format!("masst-{clean}").chars().take(128).collect()
}

/// The copy of `m` that is sent: the rewritten body, every attribute but `error_type`, and
/// for a FIFO queue its group and a deduplication id derived from the original.
pub(super) fn outgoing(m: &Received, body: &str, fifo: bool) -> Outgoing {
    let attributes =
        m.attributes.iter().filter(|(k, _)| k.as_str() != "error_type").map(|(k, v)| (k.clone(), v.clone()));
    Outgoing {
        body: body.to_string(),
        attributes: attributes.collect(),
        group_id: fifo.then(|| m.system.get("MessageGroupId").cloned().unwrap_or_else(|| "masst-redrive".into())),
        dedup_id: fifo.then(|| dedup_id(&m.id)),
    }
}

/// What one `SendMessageBatch` (and the delete that follows) did.
#[derive(Debug)]
pub struct Sent<'a> {
    pub moved: u64,
    /// Messages SQS did not take, why, and whether the refusal is the sender's fault (no retry).
    pub retry: Vec<(Item<'a>, String, bool)>,
    /// The whole request failed (not one entry of it).
    pub whole_batch: bool,
}

/// Sends one batch; deletes from the DLQ exactly the entries SQS confirmed, and hands back
/// the ones it refused.
pub async fn send_and_delete<'a>(
    clients: &Clients,
    route: &Route,
    sh: &Shared,
    group: &[Item<'a>],
) -> Result<Sent<'a>, Error> {
    let entries: Vec<Outgoing> = group.iter().map(|it| outgoing(it.msg, &it.body, route.fifo)).collect();
    sh.calls.fetch_add(1, Ordering::Relaxed);
    let what = format!("the destination {}", route.dest_name);
    let sent = match sqs::send_batch(clients, &route.dest_url, &entries, &what).await {
        Ok(o) => o,
        // A refusal of who masst is ends the run; anything else is this batch's problem.
        Err(Error::Aws(a)) if !a.failure.is_about_identity() => {
            // The whole batch failed: nothing was copied; the messages stay in hand.
            let retry = group.iter().map(|it| (it.clone(), a.text.clone(), false)).collect();
            return Ok(Sent { moved: 0, retry, whole_batch: true });
        }
        Err(e) => return Err(e),
    };
    let retry: Vec<(Item, String, bool)> =
        sent.failed.into_iter().map(|(i, why, sender)| (group[i].clone(), why, sender)).collect();
    if sent.ok.is_empty() {
        return Ok(Sent { moved: 0, retry, whole_batch: false });
    }
    let moved = delete_copied(clients, route, sh, group, &sent.ok).await?;
    Ok(Sent { moved, retry, whole_batch: false })
}

/// Deletes from the DLQ the messages of `group` whose copies SQS confirmed (`copied`), and
/// records them: moved when deleted, copied-not-deleted (a duplicate to come) when not.
pub(super) async fn delete_copied(
    clients: &Clients,
    route: &Route,
    sh: &Shared,
    group: &[Item<'_>],
    copied: &BTreeSet<usize>,
) -> Result<u64, Error> {
    let handles: Vec<(usize, String)> = copied.iter().map(|i| (*i, group[*i].handle())).collect();
    let handles: Vec<(usize, &str)> = handles.iter().map(|(i, h)| (*i, h.as_str())).collect();
    sh.calls.fetch_add(1, Ordering::Relaxed);
    let ids = |is: &mut dyn Iterator<Item = usize>| -> Vec<String> { is.map(|i| group[i].id()).collect() };
    match sqs::delete_batch(clients, &route.dlq_url, &handles).await {
        Ok(d) => {
            let not_deleted: BTreeSet<usize> = d.failed.iter().map(|(i, _, _)| *i).collect();
            let mut r = sh.report();
            let dup = ids(&mut not_deleted.iter().copied());
            let moved = ids(&mut copied.iter().copied().filter(|i| !not_deleted.contains(i)));
            r.selected += (dup.len() + moved.len()) as u64;
            r.copied_not_deleted.extend(dup);
            r.moved += moved.len() as u64;
            r.moved_ids.extend(moved.iter().cloned());
            Ok(moved.len() as u64)
        }
        Err(e) => {
            let copied = ids(&mut copied.iter().copied());
            let mut r = sh.report();
            r.selected += copied.len() as u64;
            r.copied_not_deleted.extend(copied.iter().cloned());
            Err(Error::Action(format!(
                "{e} — {} message(s) were copied to {} but are still in {}: they will be copied again (duplicates) by the next redrive",
                copied.len(),
                route.dest_name,
                route.dlq_name
            )))
        }
    }
}

/// `SendMessageBatch` partial failures, which the emulator cannot produce.
#[cfg(test)]
mod partial_failure {
    use super::*;
    use aws_sdk_sqs::operation::delete_message_batch::DeleteMessageBatchOutput;
    use aws_sdk_sqs::operation::send_message_batch::SendMessageBatchOutput;
    use aws_sdk_sqs::types::{BatchResultErrorEntry, DeleteMessageBatchResultEntry, SendMessageBatchResultEntry};
    use aws_smithy_mocks::{mock, mock_client};

    fn clients(sqs: aws_sdk_sqs::Client) -> Clients {
        crate::aws::mocked(mock_client!(aws_sdk_cloudwatch, []), sqs)
    }

    #[test]
    fn only_messages_whose_send_sqs_confirmed_are_deleted_and_the_rest_stay_for_a_retry() {
        let send = mock!(aws_sdk_sqs::Client::send_message_batch).then_output(|| {
            SendMessageBatchOutput::builder()
                .successful(
                    SendMessageBatchResultEntry::builder()
                        .id("m0")
                        .message_id("new-0")
                        .md5_of_message_body("x")
                        .build()
                        .unwrap(),
                )
                .failed(
                    BatchResultErrorEntry::builder()
                        .id("m1")
                        .code("InternalError")
                        .sender_fault(false)
                        .message("try again")
                        .build()
                        .unwrap(),
                )
                .build()
                .unwrap()
        });
        // The delete must name exactly the confirmed message.
        let delete = mock!(aws_sdk_sqs::Client::delete_message_batch)
            .match_requests(|r| r.entries().len() == 1 && r.entries()[0].receipt_handle() == "handle-a")
            .then_output(|| {
                DeleteMessageBatchOutput::builder()
                    .successful(DeleteMessageBatchResultEntry::builder().id("d0").build().unwrap())
                    .set_failed(Some(vec![]))
                    .build()
                    .unwrap()
            });
        let c = clients(mock_client!(aws_sdk_sqs, [&send, &delete]));
        let route = Route {
            dlq_name: "dlq".into(),
            dlq_url: "https://sqs/dlq".into(),
            dest_name: "q".into(),
            dest_url: "https://sqs/q".into(),
            fifo: false,
            depth: 2,
            max_message: REQUEST_BYTES,
        };
        let a = Received { id: "a".into(), receipt_handle: "handle-a".into(), body: "{}".into(), ..Default::default() };
        let b = Received { id: "b".into(), receipt_handle: "handle-b".into(), body: "{}".into(), ..Default::default() };
        let item = |m| Item { msg: m, body: "{\"job_id\":\"x\"}".into(), size: 14, attempts: 0 };
        let group = [item(&a), item(&b)];
        let sh = Shared::new(None, Arc::new(AtomicBool::new(false)));
        let sent = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap()
            .block_on(send_and_delete(&c, &route, &sh, &group))
            .unwrap();
        assert_eq!(sent.moved, 1);
        assert_eq!(delete.num_calls(), 1);
        let r = sh.report();
        assert_eq!(r.moved_ids, ["a"]);
        assert!(r.failed.is_empty(), "one failure is retried, not yet reported");
        assert_eq!(sent.retry.len(), 1, "b stays in hand for another attempt");
        assert_eq!((sent.retry[0].0.id(), sent.retry[0].2), ("b".to_string(), false));
        assert!(!sent.whole_batch);
    }
}

/// A destination that refuses a whole `SendMessageBatch` when one entry is over its limit, as
/// SQS does, while masst believed the limit higher (an attribute it could not read).
#[cfg(test)]
mod whole_batch_refused {
    use super::*;
    use aws_sdk_sqs::operation::delete_message_batch::DeleteMessageBatchOutput;
    use aws_sdk_sqs::operation::send_message_batch::{SendMessageBatchError, SendMessageBatchOutput};
    use aws_sdk_sqs::types::{DeleteMessageBatchResultEntry, SendMessageBatchResultEntry};
    use aws_smithy_mocks::{mock, mock_client, MockResponse, RuleMode};
    use aws_smithy_types::error::ErrorMetadata;

    #[test]
    fn the_batch_is_split_so_every_other_message_moves_and_the_one_that_cannot_is_named() {
        let send = mock!(aws_sdk_sqs::Client::send_message_batch).then_compute_response(|r| {
            if r.entries().iter().any(|e| e.message_body().len() > 262_144) {
                return MockResponse::Error(SendMessageBatchError::generic(
                    ErrorMetadata::builder()
                        .code("InvalidParameterValue")
                        .message(
                            "One or more parameters are invalid. Reason: Message must be shorter than 262144 bytes.",
                        )
                        .build(),
                ));
            }
            let ok = r.entries().iter().map(|e| {
                SendMessageBatchResultEntry::builder()
                    .id(e.id())
                    .message_id("n")
                    .md5_of_message_body("x")
                    .build()
                    .unwrap()
            });
            MockResponse::Output(
                SendMessageBatchOutput::builder()
                    .set_successful(Some(ok.collect()))
                    .set_failed(Some(vec![]))
                    .build()
                    .unwrap(),
            )
        });
        let delete = mock!(aws_sdk_sqs::Client::delete_message_batch).then_compute_output(|r| {
            let ok = r.entries().iter().map(|e| DeleteMessageBatchResultEntry::builder().id(e.id()).build().unwrap());
            DeleteMessageBatchOutput::builder()
                .set_successful(Some(ok.collect()))
                .set_failed(Some(vec![]))
                .build()
                .unwrap()
        });
        let c = crate::aws::mocked(
            mock_client!(aws_sdk_cloudwatch, []),
            mock_client!(aws_sdk_sqs, RuleMode::MatchAny, [&send, &delete]),
        );
        let route = Route {
            dlq_name: "dlq".into(),
            dlq_url: "u".into(),
            dest_name: "q".into(),
            dest_url: "v".into(),
            fifo: false,
            depth: 10,
            max_message: REQUEST_BYTES,
        };
        let msgs: Vec<Received> = (0..10)
            .map(|i| Received {
                id: format!("id-{i}"),
                receipt_handle: format!("h{i}"),
                body: "{}".into(),
                ..Default::default()
            })
            .collect();
        let items: Vec<Item> = msgs
            .iter()
            .enumerate()
            .map(|(i, m)| {
                let body = if i == 6 { "x".repeat(300_000) } else { "{\"job_id\":\"j\"}".into() };
                Item { msg: m, size: body.len(), body, attempts: 0 }
            })
            .collect();
        let opts = RedriveRequest::retryable().options;
        let sh = Shared::new(None, Arc::new(AtomicBool::new(false)));
        let moved = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap()
            .block_on(send_all(&c, &route, &opts, &sh, items, Instant::now()))
            .unwrap();
        assert_eq!(moved, 9, "the nine that fit moved");
        let r = sh.report();
        assert_eq!(r.failed.keys().collect::<Vec<_>>(), ["id-6"]);
        assert!(r.failed["id-6"].contains("shorter than 262144 bytes"), "{:?}", r.failed);
        assert!(!r.failed["id-6"].contains("while reading"), "a refused send is not a read: {:?}", r.failed);
    }
}

/// A destination that accepts the copies but a DLQ that refuses the delete.
#[cfg(test)]
mod delete_denied {
    use super::*;
    use aws_sdk_sqs::operation::delete_message_batch::DeleteMessageBatchError;
    use aws_sdk_sqs::operation::send_message_batch::SendMessageBatchOutput;
    use aws_sdk_sqs::types::SendMessageBatchResultEntry;
    use aws_smithy_mocks::{mock, mock_client};
    use aws_smithy_types::error::ErrorMetadata;

    #[test]
    fn copies_that_cannot_be_deleted_are_reported_as_duplicates_with_the_permission_to_grant() {
        let send = mock!(aws_sdk_sqs::Client::send_message_batch).then_output(|| {
            SendMessageBatchOutput::builder()
                .successful(
                    SendMessageBatchResultEntry::builder()
                        .id("m0")
                        .message_id("n0")
                        .md5_of_message_body("x")
                        .build()
                        .unwrap(),
                )
                .set_failed(Some(vec![]))
                .build()
                .unwrap()
        });
        let denied = mock!(aws_sdk_sqs::Client::delete_message_batch).then_error(|| {
            DeleteMessageBatchError::generic(
                ErrorMetadata::builder()
                    .code("AccessDenied")
                    .message("not authorized to perform: sqs:DeleteMessage")
                    .build(),
            )
        });
        let c = crate::aws::mocked(mock_client!(aws_sdk_cloudwatch, []), mock_client!(aws_sdk_sqs, [&send, &denied]));
        let route = Route {
            dlq_name: "dlq".into(),
            dlq_url: "u".into(),
            dest_name: "q".into(),
            dest_url: "v".into(),
            fifo: false,
            depth: 1,
            max_message: REQUEST_BYTES,
        };
        let a = Received { id: "a".into(), receipt_handle: "ha".into(), body: "{}".into(), ..Default::default() };
        let group = [Item { msg: &a, body: "{\"job_id\":\"a\"}".into(), size: 12, attempts: 0 }];
        let sh = Shared::new(None, Arc::new(AtomicBool::new(false)));
        let err = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap()
            .block_on(send_and_delete(&c, &route, &sh, &group))
            .unwrap_err();
        let msg = err.to_string();
        assert!(
            msg.contains("Grant the IAM action `sqs:DeleteMessage`") && msg.contains("copied again (duplicates)"),
            "{msg}"
        );
        assert_eq!(sh.report().copied_not_deleted, ["a"]);
        assert_eq!(sh.report().moved, 0);
    }
}
