//! `masst report`: one self-contained page per incident, HTML or Markdown, checked with an
//! HTML parser: a chart per walked metric, no external reference of any kind, everything from
//! AWS escaped, the journal's changes as markers, missing data said, never drawn as zero.

use scraper::{Html, Selector};
use serde_json::Value;

use crate::cli::{masst, run};

const SCENARIOS: [&str; 6] =
    ["flash-sale", "batch-backlog", "conservative-limits", "priority-inversion", "dlq-retryable", "healthy"];

fn report(args: &[&str], ext: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join(format!("r.{ext}"));
    let (code, _, err) = run(masst().arg("report").args(args).arg("-o").arg(&out));
    assert_eq!(code, 0, "{err}");
    std::fs::read_to_string(&out).unwrap()
}

/// How many charts the walks of a scenario read, from the library itself.
fn expected_charts(ev: &masst::evidence::Evidence) -> (usize, usize) {
    let set = masst::engine::load_embedded(masst::actions::catalog());
    let cx = masst::engine::WalkContext { models: vec!["sonnet".into(), "haiku".into()], answers: Default::default() };
    let results = masst::engine::walk::walk_all(set.runbooks.iter(), ev, &cx);
    let charts: Vec<_> =
        results.iter().filter(|d| d.triggered != Some(false)).flat_map(|d| masst::ui::report::charts(ev, d)).collect();
    (charts.iter().filter(|c| c.missing.is_none()).count(), charts.iter().filter(|c| c.missing.is_some()).count())
}

fn sel(s: &str) -> Selector {
    Selector::parse(s).unwrap()
}

#[test]
fn every_scenario_reports_in_html_and_markdown_with_a_chart_per_walked_metric_and_nothing_external() {
    for s in SCENARIOS {
        let html = report(&["--scenario", s], "html");
        let doc = Html::parse_document(&html);
        assert!(doc.errors.is_empty() || doc.errors.iter().all(|e| !e.contains("Unexpected")), "{s}: {:?}", doc.errors);
        let ev = masst::evidence::scenario::Scenario::embedded(s).unwrap().evidence(None);
        let (drawn, missing) = expected_charts(&ev);
        assert_eq!(doc.select(&sel("figure.chart svg")).count(), drawn, "{s}");
        assert!(doc.select(&sel("p.missing")).count() >= missing, "{s}");
        for el in doc.select(&sel("[src], [href]")) {
            for attr in ["src", "href"] {
                if let Some(v) = el.value().attr(attr) {
                    assert!(
                        !(v.starts_with("http:") || v.starts_with("https:") || v.starts_with("//")),
                        "{s}: external {attr}={v}"
                    );
                }
            }
        }
        assert_eq!(doc.select(&sel("script, link, iframe, img")).count(), 0, "{s}: nothing to fetch, no script");
        assert!(doc.select(&sel("style")).count() == 1, "inline CSS");
        let md = report(&["--scenario", s], "md");
        if s != "healthy" {
            assert!(md.contains("```mermaid\nflowchart TD"), "{s}");
        }
        assert!(md.contains("## Clear runbooks"), "{s}");
    }
}

fn snapshot_file(dir: &tempfile::TempDir, name: &str, edit: impl FnOnce(&mut Value)) -> std::path::PathBuf {
    let (_, out, _) = run(masst().args(["snapshot", "capture", "--scenario", name]));
    let mut v: Value = serde_json::from_str(&out).unwrap();
    edit(&mut v);
    let path = dir.path().join(format!("{name}.json"));
    std::fs::write(&path, v.to_string()).unwrap();
    path
}

#[test]
fn strings_from_aws_are_escaped_not_run() {
    let dir = tempfile::tempdir().unwrap();
    let path = snapshot_file(&dir, "dlq-retryable", |v| {
        v["queues"]["dlq"]["name"] = "<script>alert('queue')</script>".into();
        v["dlq_sample"]["messages"][0]["job_id"] = "<script>alert('body')</script>".into();
        v["dlq_sample"]["messages"][0]["error_type"] = "<img src=x onerror=alert(1)>".into();
    });
    let html = report(&["--from", path.to_str().unwrap()], "html");
    let doc = Html::parse_document(&html);
    assert_eq!(doc.select(&sel("script, img")).count(), 0, "no element came from the data");
    assert!(html.contains("&lt;script&gt;alert(&#39;queue&#39;)&lt;/script&gt;"), "the queue name is shown, escaped");
    assert!(html.contains("&lt;script&gt;alert(&#39;body&#39;)&lt;/script&gt;"), "the job id is shown, escaped");
    let md = report(&["--from", path.to_str().unwrap()], "md");
    assert!(!md.contains("<script>") && !md.contains("<img"), "{md}");
}

#[test]
fn a_journal_entry_in_the_window_is_a_marker_on_the_charts() {
    let dir = tempfile::tempdir().unwrap();
    let journal = dir.path().join("journal.jsonl");
    // The flash-sale evidence is taken at 03:10 UTC; the analytics pipeline was paused at 03:05.
    let entry = serde_json::json!({
        "id": "20260808T030500Z-0001", "time": "2026-08-08T03:05:30Z", "user": "oncall", "region": "us-east-1",
        "action": "analytics.pause", "command": "masst analytics pause", "target": "AppConfig MangaAssist/prod/throughput",
        "before": {"version": 1, "document": {"analytics": {"paused": false}}},
        "after": {"version": 2, "document": {"analytics": {"paused": true}}},
        "state": "applied", "verified": "recovered"
    });
    std::fs::write(&journal, format!("{entry}\n")).unwrap();
    let args = ["--journal", journal.to_str().unwrap(), "--scenario", "flash-sale"];
    let html = report(&args, "html");
    let doc = Html::parse_document(&html);
    let marked =
        doc.select(&sel("figure.chart svg text")).filter(|t| t.text().any(|s| s.contains("analytics.pause"))).count();
    assert!(marked >= 1, "a marker labelled with the action on the charts");
    assert!(
        html.contains("analytics.paused: false → true") && html.contains("recovered"),
        "before → after and the verification"
    );
    let md = report(&args, "md");
    assert!(md.contains("← analytics.pause applied"), "{md}");
}

#[test]
fn a_format_1_snapshot_reports_the_same_as_its_upgraded_format_2_file() {
    let dir = tempfile::tempdir().unwrap();
    let ev = masst::evidence::scenario::Scenario::embedded("priority-inversion").unwrap().evidence(None);
    let v1 = dir.path().join("old.json");
    std::fs::write(&v1, masst::evidence::snapshot::to_json_v1(&ev)).unwrap();
    let before = report(&["--from", v1.to_str().unwrap()], "html");
    let (code, out, err) = run(masst().args(["snapshot", "upgrade"]).arg(&v1));
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("now snapshot format 2"), "{out}");
    assert!(std::fs::read_to_string(&v1).unwrap().contains("\"format\": 2"));
    let after = report(&["--from", v1.to_str().unwrap()], "html");
    assert_eq!(before, after);
}

#[test]
fn a_missing_metric_is_said_missing_never_drawn_as_zero() {
    let dir = tempfile::tempdir().unwrap();
    let path = snapshot_file(&dir, "flash-sale", |v| {
        v["metrics"].as_object_mut().unwrap().remove("AWS/Bedrock:InvocationServerErrors{ModelId=sonnet}");
    });
    let html = report(&["--from", path.to_str().unwrap()], "html");
    let doc = Html::parse_document(&html);
    assert!(doc.select(&sel("figure.chart")).all(|f| f.value().attr("data-signal") != Some("bedrock_errors")));
    assert!(html.contains("bedrock_errors: missing"), "said missing");
    let md = report(&["--from", path.to_str().unwrap()], "md");
    assert!(md.contains("*Missing: metric AWS/Bedrock:InvocationServerErrors{ModelId=sonnet}"), "{md}");
}

#[test]
fn the_markdown_report_of_the_flash_sale() {
    let md = report(&["--scenario", "flash-sale"], "md");
    insta::assert_snapshot!(md);
}

#[test]
fn the_sample_report_in_docs_is_current() {
    let md = report(&["--scenario", "flash-sale"], "md");
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/report-flash-sale.md");
    if std::env::var_os("UPDATE_DOCS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &md).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == md,
        "docs/report-flash-sale.md is stale; regenerate with: UPDATE_DOCS=1 cargo test --test it sample_report"
    );
}

#[test]
fn charts_scale_with_the_page_and_every_axis_says_its_unit_without_overlap() {
    let html = report(&["--scenario", "flash-sale"], "html");
    let doc = Html::parse_document(&html);
    let text_sel = sel("text");
    let svgs: Vec<_> = doc.select(&sel("figure.chart svg")).collect();
    assert!(!svgs.is_empty());
    let units = ["%", "ms", "seconds", "messages", "messages / min", "calls / min", "calls in flight", "count"];
    for svg in svgs {
        let v = svg.value();
        assert_eq!(v.attr("width"), Some("100%"), "scales with the page");
        assert!(v.attr("viewBox").is_some() && v.attr("height").is_none(), "keeps its proportions");
        let texts: Vec<(String, f64, Option<&str>)> = svg
            .select(&text_sel)
            .map(|t| {
                (
                    t.text().collect::<String>().trim().to_string(),
                    t.value().attr("y").unwrap().parse().unwrap(),
                    t.value().attr("transform"),
                )
            })
            .collect();
        let y_unit =
            texts.iter().find(|(_, _, rot)| rot.is_some_and(|r| r.starts_with("rotate(270"))).expect("a y-axis label");
        assert!(units.contains(&y_unit.0.as_str()) || y_unit.0.starts_with("state"), "y unit: {}", y_unit.0);
        let (_, x_desc_y, _) =
            texts.iter().find(|(t, _, _)| t.starts_with("minutes into the window (min)")).expect("x unit");
        let lowest_tick = texts
            .iter()
            .filter(|(t, _, rot)| rot.is_none() && t.parse::<f64>().is_ok())
            .map(|(_, y, _)| *y)
            .fold(0.0, f64::max);
        // Tick labels hang below their y by one line (~10 px); the x-axis words sit below that.
        assert!(
            *x_desc_y >= lowest_tick + 20.0,
            "the x-axis label ({x_desc_y}) overlaps the tick labels ({lowest_tick})"
        );
    }
}

#[test]
fn the_offered_commands_are_one_a_line() {
    let html = report(&["--scenario", "flash-sale"], "html");
    let doc = Html::parse_document(&html);
    let offered: Vec<String> = doc.select(&sel("pre.offered code")).map(|c| c.text().collect()).collect();
    assert!(
        offered
            .iter()
            .any(|o| o.lines().collect::<Vec<_>>() == ["masst analytics pause", "masst concurrency set sonnet 32"]),
        "{offered:?}"
    );
    let md = report(&["--scenario", "flash-sale"], "md");
    assert!(md.contains("Offered:\n\n```sh\nmasst analytics pause\nmasst concurrency set sonnet 32\n```"), "{md}");
}

#[test]
fn the_format_follows_the_extension_and_any_other_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["incident.txt", "r.pdf", "noext"] {
        let out = dir.path().join(name);
        let (code, stdout, err) = run(masst().args(["report", "--scenario", "flash-sale", "-o"]).arg(&out));
        assert_eq!(code, 2, "{name}: {err}");
        assert!(stdout.is_empty() && err.contains(".html") && err.contains(".md"), "{name}: {err}");
        assert!(!out.exists(), "{name}: nothing written");
    }
    let out = dir.path().join("R.HTML");
    let (code, _, err) = run(masst().args(["report", "--scenario", "flash-sale", "-o"]).arg(&out));
    assert_eq!(code, 0, "{err}");
    assert!(std::fs::read_to_string(&out).unwrap().starts_with("<!doctype html>"));
}

#[test]
fn bedrocks_own_view_stands_beside_the_apps_and_no_data_is_said_not_zero() {
    let html = report(&["--scenario", "flash-sale"], "html");
    let doc = Html::parse_document(&html);
    let rows: Vec<Vec<String>> = doc
        .select(&sel("h2 + p + table tr"))
        .map(|tr| tr.select(&sel("td")).map(|td| td.text().collect()).collect())
        .filter(|r: &Vec<String>| !r.is_empty())
        .collect();
    assert!(html.contains("<h2>Bedrock's view</h2>"), "{html}");
    assert!(html.contains("the app&#39;s ThrottleRate 12 %") || html.contains("the app's ThrottleRate 12 %"));
    let sonnet = rows.iter().find(|r| r[0] == "sonnet").expect("a sonnet row");
    assert_eq!(sonnet[1], "12 %", "Bedrock counts the flash sale's throttles: {rows:?}");
    // Bedrock's latency gone from the snapshot: said, never a zero.
    let dir = tempfile::tempdir().unwrap();
    let path = snapshot_file(&dir, "flash-sale", |v| {
        v["metrics"].as_object_mut().unwrap().remove("AWS/Bedrock:InvocationLatency{ModelId=sonnet}");
    });
    let md = report(&["--from", path.to_str().unwrap()], "md");
    assert!(md.contains("| sonnet | 12 % | 10225 | no data |"), "{md}");
    // A world with no Bedrock series (an old snapshot) has no such section.
    let path = snapshot_file(&dir, "healthy", |v| {
        v["metrics"].as_object_mut().unwrap().retain(|k, _| !k.starts_with("AWS/Bedrock:"));
    });
    assert!(!report(&["--from", path.to_str().unwrap()], "md").contains("Bedrock's view"));
}
