//! SQS: find a queue by name (once per command), its attribute map, receive, hide and release
//! messages, and the batch send and delete of the redrive, each answering in plain data.

use std::collections::{BTreeMap, BTreeSet};

use aws_sdk_sqs::types::{
    ChangeMessageVisibilityBatchRequestEntry, DeleteMessageBatchRequestEntry, Message, MessageAttributeValue,
    MessageSystemAttributeName, QueueAttributeName, SendMessageBatchRequestEntry,
};
use futures::future::try_join_all;

use super::{explain, timed, Clients};
use crate::error::Error;

/// A message attribute as plain data (`String`, `Number` or `Binary` and its value).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Attr {
    pub data_type: String,
    pub string: Option<String>,
    pub binary: Option<Vec<u8>>,
}

/// A received message as plain data, so that the DLQ scan and the redrive never hold an SDK
/// type: its id, receipt handle, body, system attributes (`ApproximateReceiveCount`,
/// `SentTimestamp`, `MessageGroupId`) and message attributes, by name.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Received {
    pub id: String,
    pub receipt_handle: String,
    pub body: String,
    pub system: BTreeMap<String, String>,
    pub attributes: BTreeMap<String, Attr>,
}

impl From<&Message> for Received {
    fn from(m: &Message) -> Self {
        Received {
            id: m.message_id().unwrap_or_default().to_string(),
            receipt_handle: m.receipt_handle().unwrap_or_default().to_string(),
            body: m.body().unwrap_or_default().to_string(),
            system: m
                .attributes()
                .map(|a| a.iter().map(|(k, v)| (k.as_str().to_string(), v.clone())).collect())
                .unwrap_or_default(),
            attributes: m
                .message_attributes()
                .map(|a| {
                    a.iter()
                        .map(|(k, v)| {
                            let attr = Attr {
                                data_type: v.data_type().to_string(),
                                string: v.string_value().map(String::from),
                                binary: v.binary_value().map(|b| b.as_ref().to_vec()),
                            };
                            (k.clone(), attr)
                        })
                        .collect()
                })
                .unwrap_or_default(),
        }
    }
}

/// A message to send: body, message attributes and, for a FIFO queue, its group and
/// deduplication ids.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Outgoing {
    pub body: String,
    pub attributes: BTreeMap<String, Attr>,
    pub group_id: Option<String>,
    pub dedup_id: Option<String>,
}

fn entry(i: usize, o: &Outgoing) -> SendMessageBatchRequestEntry {
    let mut e = SendMessageBatchRequestEntry::builder().id(format!("m{i}")).message_body(&o.body);
    for (k, v) in &o.attributes {
        let mut a = MessageAttributeValue::builder().data_type(&v.data_type);
        if let Some(s) = &v.string {
            a = a.string_value(s);
        }
        if let Some(b) = &v.binary {
            a = a.binary_value(aws_smithy_types::Blob::new(b.clone()));
        }
        e = e.message_attributes(k, a.build().expect("data type set"));
    }
    e.set_message_group_id(o.group_id.clone())
        .set_message_deduplication_id(o.dedup_id.clone())
        .build()
        .expect("id and body set")
}

/// Resolves a queue name to its URL, with a message that names the setting on failure.
pub async fn queue_url(clients: &Clients, name: &str, role: &str) -> Result<String, Error> {
    if let Some(url) = clients.resolved.queue_urls.lock().expect("lock").get(name) {
        return Ok(url.clone());
    }
    let r = timed("sqs:GetQueueUrl", clients.sqs.get_queue_url().queue_name(name).send()).await;
    match r {
        Ok(out) => {
            let url = out.queue_url().unwrap_or_default().to_string();
            clients.resolved.queue_urls.lock().expect("lock").insert(name.to_string(), url.clone());
            Ok(url)
        }
        Err(e) => {
            let code = e.as_service_error().and_then(|s| aws_sdk_sqs::error::ProvideErrorMetadata::code(s));
            if matches!(code, Some("AWS.SimpleQueueService.NonExistentQueue") | Some("QueueDoesNotExist")) {
                let key = if role == "dlq" { "dlq" } else { "queue" };
                return Err(Error::Evidence(format!(
                    "the SQS {role} queue `{name}` does not exist in {}; set [resources] {key} in masst.toml to the deployed name",
                    clients.region
                )));
            }
            Err(crate::aws::read_error(&e, "sqs:GetQueueUrl", &format!("the {role} queue {name}")))
        }
    }
}

/// A queue's attributes (`names` as SQS spells them, or every one with `All`) as a map of name
/// to value: the one place an attribute map is read, in plain strings so no caller needs the SDK.
pub async fn attributes(
    clients: &Clients,
    url: &str,
    names: &[&str],
    what: &str,
) -> Result<BTreeMap<String, String>, Error> {
    let names: Vec<QueueAttributeName> = names.iter().map(|n| QueueAttributeName::from(*n)).collect();
    let out = timed(
        "sqs:GetQueueAttributes",
        clients.sqs.get_queue_attributes().queue_url(url).set_attribute_names(Some(names)).send(),
    )
    .await
    .map_err(|e| super::read_error(&e, "sqs:GetQueueAttributes", what))?;
    Ok(out
        .attributes()
        .map(|m| m.iter().map(|(k, v)| (k.as_str().to_string(), v.clone())).collect())
        .unwrap_or_default())
}

/// The queues whose RedrivePolicy names `dlq_url` as their dead-letter queue.
pub async fn dead_letter_sources(clients: &Clients, dlq_url: &str) -> Result<Vec<String>, Error> {
    let out = clients
        .sqs
        .list_dead_letter_source_queues()
        .queue_url(dlq_url)
        .send()
        .await
        .map_err(|e| super::read_error(&e, "sqs:ListDeadLetterSourceQueues", "the DLQ's source queue"))?;
    Ok(out.queue_urls().to_vec())
}

/// Sets queue attributes.
pub async fn set_attributes(clients: &Clients, url: &str, attrs: &BTreeMap<String, String>) -> Result<(), Error> {
    let mut req = clients.sqs.set_queue_attributes().queue_url(url);
    for (k, v) in attrs {
        req = req.attributes(QueueAttributeName::from(k.as_str()), v);
    }
    req.send().await.map_err(|e| super::change_error(&e, "sqs:SetQueueAttributes", "the queue"))?;
    Ok(())
}

/// One `ReceiveMessage` with every attribute; `what` names the queue in messages.
pub async fn receive(
    clients: &Clients,
    url: &str,
    n: i32,
    visibility: i32,
    wait: i32,
    what: &str,
) -> Result<Vec<Received>, Error> {
    let out = timed(
        "sqs:ReceiveMessage",
        clients
            .sqs
            .receive_message()
            .queue_url(url)
            .max_number_of_messages(n)
            .visibility_timeout(visibility)
            .wait_time_seconds(wait)
            .message_attribute_names("All")
            .message_system_attribute_names(MessageSystemAttributeName::All)
            .send(),
    )
    .await
    .map_err(|e| crate::aws::read_error(&e, "sqs:ReceiveMessage", what))?;
    Ok(out.messages().iter().map(Received::from).collect())
}

/// Makes received messages visible again at once (batches of 10, concurrently).
pub async fn release(clients: &Clients, url: &str, handles: &[(String, String)]) -> Result<(), Error> {
    try_join_all(handles.chunks(10).map(|chunk| async move {
        let entries: Vec<ChangeMessageVisibilityBatchRequestEntry> = chunk
            .iter()
            .map(|(id, h)| {
                ChangeMessageVisibilityBatchRequestEntry::builder()
                    .id(id)
                    .receipt_handle(h)
                    .visibility_timeout(0)
                    .build()
                    .expect("id and receipt handle are set")
            })
            .collect();
        // Releasing is what keeps a read from hiding messages for minutes: a passing failure
        // is tried again before the read gives up.
        let mut tries = 0;
        loop {
            let sent = timed(
                "sqs:ChangeMessageVisibilityBatch",
                clients.sqs.change_message_visibility_batch().queue_url(url).set_entries(Some(entries.clone())).send(),
            )
            .await;
            match sent {
                Ok(_) => return Ok(()),
                Err(e) if tries < 3 && !matches!(e, aws_sdk_sqs::error::SdkError::ServiceError(_)) => {
                    tries += 1;
                    tokio::time::sleep(std::time::Duration::from_millis(100 << tries)).await;
                }
                Err(e) => {
                    return Err(Error::Evidence(format!(
                        "{} Some messages stay hidden until their visibility timeout ends.",
                        explain(&e, "sqs:ChangeMessageVisibility", "the messages it held")
                    )))
                }
            }
        }
    }))
    .await?;
    Ok(())
}

/// Keeps held messages hidden for `visibility` more seconds (one batch of at most ten).
pub async fn extend(clients: &Clients, url: &str, handles: &[(String, String)], visibility: i32) -> Result<(), Error> {
    let entries: Vec<_> = handles
        .iter()
        .enumerate()
        .map(|(i, (_, h))| {
            aws_sdk_sqs::types::ChangeMessageVisibilityBatchRequestEntry::builder()
                .id(format!("x{i}"))
                .receipt_handle(h)
                .visibility_timeout(visibility)
                .build()
                .expect("set")
        })
        .collect();
    clients
        .sqs
        .change_message_visibility_batch()
        .queue_url(url)
        .set_entries(Some(entries))
        .send()
        .await
        .map_err(|e| crate::aws::change_error(&e, "sqs:ChangeMessageVisibility", "the DLQ"))?;
    Ok(())
}

/// What SQS did with each entry of a batch: the confirmed entries by index, and the refused
/// ones with why and whether the sender is at fault (no retry then).
#[derive(Debug, Default)]
pub struct BatchOutcome {
    pub ok: BTreeSet<usize>,
    pub failed: Vec<(usize, String, bool)>,
}

/// Reads entry ids `<p><index>` back to indexes below `n`.
fn outcome<'a>(
    p: char,
    n: usize,
    ok: impl Iterator<Item = &'a str>,
    failed: impl Iterator<Item = (&'a str, String, bool)>,
) -> BatchOutcome {
    let index = |id: &str| id.strip_prefix(p).and_then(|i| i.parse::<usize>().ok()).filter(|i| *i < n);
    BatchOutcome {
        ok: ok.filter_map(index).collect(),
        failed: failed.filter_map(|(id, why, sender)| Some((index(id)?, why, sender))).collect(),
    }
}

/// One `SendMessageBatch` of `messages` (entry ids `m0`..`m9`, by position). A whole request that fails is a typed
/// error (its kind says whether it is about who masst is, or about this batch).
pub async fn send_batch(
    clients: &Clients,
    url: &str,
    messages: &[Outgoing],
    what: &str,
) -> Result<BatchOutcome, Error> {
    let n = messages.len();
    let entries: Vec<SendMessageBatchRequestEntry> = messages.iter().enumerate().map(|(i, o)| entry(i, o)).collect();
    let out = clients
        .sqs
        .send_message_batch()
        .queue_url(url)
        .set_entries(Some(entries))
        .send()
        .await
        .map_err(|e| super::change_error(&e, "sqs:SendMessage", what))?;
    Ok(outcome(
        'm',
        n,
        out.successful().iter().map(|s| s.id()),
        out.failed().iter().map(|f| (f.id(), format!("{}: {}", f.code(), f.message().unwrap_or("")), f.sender_fault())),
    ))
}

/// One `DeleteMessageBatch` of `(index, receipt handle)` pairs (ids `d<index>`).
pub async fn delete_batch(clients: &Clients, url: &str, handles: &[(usize, &str)]) -> Result<BatchOutcome, Error> {
    let n = handles.iter().map(|(i, _)| i + 1).max().unwrap_or(0);
    let entries: Vec<DeleteMessageBatchRequestEntry> = handles
        .iter()
        .map(|(i, h)| {
            DeleteMessageBatchRequestEntry::builder().id(format!("d{i}")).receipt_handle(*h).build().expect("set")
        })
        .collect();
    let out = clients
        .sqs
        .delete_message_batch()
        .queue_url(url)
        .set_entries(Some(entries))
        .send()
        .await
        .map_err(|e| super::change_error(&e, "sqs:DeleteMessage", "the DLQ"))?;
    Ok(outcome(
        'd',
        n,
        out.successful().iter().map(|s| s.id()),
        out.failed().iter().map(|f| (f.id(), format!("{}: {}", f.code(), f.message().unwrap_or("")), f.sender_fault())),
    ))
}
