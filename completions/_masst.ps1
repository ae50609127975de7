
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'masst' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'masst'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'masst' {
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: human text, or one JSON document on stdout; `audit` and `diagnose` also write SARIF 2.1.0 or JUnit XML for CI')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file (default: ./masst.toml, then $XDG_CONFIG_HOME/masst/masst.toml)')
            [CompletionResult]::new('--runbooks', '--runbooks', [CompletionResultType]::ParameterName, 'Add the runbooks of this folder (or file) to the embedded ones; one with the name of an embedded runbook replaces it')
            [CompletionResult]::new('--only-runbooks', '--only-runbooks', [CompletionResultType]::ParameterName, 'Use exactly the runbooks of this folder (or file), none of the embedded ones')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile (default: AWS_PROFILE, then [aws] profile in masst.toml)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: AWS_REGION, then the profile, then [aws] region)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send every AWS call to this endpoint (default: AWS_ENDPOINT_URL, then [aws] endpoint_url)')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'The change journal (default: $XDG_STATE_HOME/masst/journal.jsonl)')
            [CompletionResult]::new('--target', '--target', [CompletionResultType]::ParameterName, 'Run against this target of [targets] in masst.toml (repeatable; default: MASST_TARGET, comma-separated). Read-only commands read every target given; changes take one')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log more (-v: each AWS call with its duration; -vv: debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log more (-v: each AWS call with its duration; -vv: debug)')
            [CompletionResult]::new('--all-targets', '--all-targets', [CompletionResultType]::ParameterName, 'Run against every target of [targets] (read-only commands only)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('diagnose', 'diagnose', [CompletionResultType]::ParameterValue, 'Walk runbooks against evidence and report root causes')
            [CompletionResult]::new('snapshot', 'snapshot', [CompletionResultType]::ParameterValue, 'Capture evidence to a snapshot file, to replay with `diagnose --from`')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'One screen of every runbook''s trigger: current values, thresholds, state')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'After a fix: watch the signals that matter until the incident has recovered, got worse, or the time is up (exit 0 recovered, 1 not recovered or worse, 3 could not look)')
            [CompletionResult]::new('watch', 'watch', [CompletionResultType]::ParameterValue, 'The on-call dashboard, redrawn every `--every`: every trigger''s signals, a sparkline of each metric''s window, the threshold, the state (q or Ctrl-C leaves)')
            [CompletionResult]::new('report', 'report', [CompletionResultType]::ParameterValue, 'Write the incident report: one self-contained HTML page (or Markdown, by extension) with the charts, the walk and what was done')
            [CompletionResult]::new('lab', 'lab', [CompletionResultType]::ParameterValue, 'Write a scenario''s world into a local AWS emulator (for tests, demos, drills)')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Show the effective configuration and where each value came from')
            [CompletionResult]::new('analytics', 'analytics', [CompletionResultType]::ParameterValue, 'Pause or resume the analytics pipeline''s Bedrock calls')
            [CompletionResult]::new('concurrency', 'concurrency', [CompletionResultType]::ParameterValue, 'Change a pool''s max_concurrency')
            [CompletionResult]::new('routing', 'routing', [CompletionResultType]::ParameterValue, 'Route simple queries to Haiku')
            [CompletionResult]::new('batch', 'batch', [CompletionResultType]::ParameterValue, 'Batch processing: pause, resume, concurrency, schedule, model, scale')
            [CompletionResult]::new('producer', 'producer', [CompletionResultType]::ParameterValue, 'The batch producer (catalog-enrichment): pause, resume')
            [CompletionResult]::new('queue', 'queue', [CompletionResultType]::ParameterValue, 'The primary batch queue')
            [CompletionResult]::new('alarms', 'alarms', [CompletionResultType]::ParameterValue, 'CloudWatch alarms for the seed''s detection signals')
            [CompletionResult]::new('quota', 'quota', [CompletionResultType]::ParameterValue, 'The account quota in the configuration document')
            [CompletionResult]::new('audit', 'audit', [CompletionResultType]::ParameterValue, 'Check the deployment against the seed''s Prevention controls (contract §8); for CI as SARIF or JUnit too')
            [CompletionResult]::new('dlq', 'dlq', [CompletionResultType]::ParameterValue, 'The dead-letter queue: inspect it, redrive it losslessly')
            [CompletionResult]::new('journal', 'journal', [CompletionResultType]::ParameterValue, 'List the changes masst made')
            [CompletionResult]::new('undo', 'undo', [CompletionResultType]::ParameterValue, 'Reverse a change (the latest by default), through the same preview and confirmation')
            [CompletionResult]::new('runbook', 'runbook', [CompletionResultType]::ParameterValue, 'List, show or validate runbooks')
            [CompletionResult]::new('iam-policy', 'iam-policy', [CompletionResultType]::ParameterValue, 'Print the least-privilege IAM policy (JSON) for what masst calls: the read-only one for diagnosis, or the one that also allows its actions')
            [CompletionResult]::new('mcp', 'mcp', [CompletionResultType]::ParameterValue, 'Serve masst''s reads to an AI assistant over MCP on stdio; it changes nothing')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print shell completions (also committed under completions/)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'masst;diagnose' {
            [CompletionResult]::new('--scenario', '--scenario', [CompletionResultType]::ParameterName, 'Use an embedded scenario instead of live AWS (no account needed)')
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'Use a snapshot file written by `masst snapshot capture`')
            [CompletionResult]::new('--scenario-file', '--scenario-file', [CompletionResultType]::ParameterName, 'Use a scenario file (TOML, as in scenarios/; `extends` may name an embedded one)')
            [CompletionResult]::new('--answer', '--answer', [CompletionResultType]::ParameterName, 'Answer a runbook question up front: NODE=yes|no (or RUNBOOK.NODE=yes|no). Repeatable')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Exit 1 when a finding is at least this severe')
            [CompletionResult]::new('--window', '--window', [CompletionResultType]::ParameterName, 'How much metric history to read live, e.g. `60m`, `2h`')
            [CompletionResult]::new('--apply', '--apply', [CompletionResultType]::ParameterName, 'After the diagnosis, run this offered action (an id such as analytics.pause)')
            [CompletionResult]::new('--verify-timeout', '--verify-timeout', [CompletionResultType]::ParameterName, 'With --apply: give up verifying after this long (default: the outcome''s budget)')
            [CompletionResult]::new('--verify-every', '--verify-every', [CompletionResultType]::ParameterName, 'With --apply: read the evidence again this often while verifying')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: human text, or one JSON document on stdout; `audit` and `diagnose` also write SARIF 2.1.0 or JUnit XML for CI')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file (default: ./masst.toml, then $XDG_CONFIG_HOME/masst/masst.toml)')
            [CompletionResult]::new('--runbooks', '--runbooks', [CompletionResultType]::ParameterName, 'Add the runbooks of this folder (or file) to the embedded ones; one with the name of an embedded runbook replaces it')
            [CompletionResult]::new('--only-runbooks', '--only-runbooks', [CompletionResultType]::ParameterName, 'Use exactly the runbooks of this folder (or file), none of the embedded ones')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile (default: AWS_PROFILE, then [aws] profile in masst.toml)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: AWS_REGION, then the profile, then [aws] region)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send every AWS call to this endpoint (default: AWS_ENDPOINT_URL, then [aws] endpoint_url)')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'The change journal (default: $XDG_STATE_HOME/masst/journal.jsonl)')
            [CompletionResult]::new('--target', '--target', [CompletionResultType]::ParameterName, 'Run against this target of [targets] in masst.toml (repeatable; default: MASST_TARGET, comma-separated). Read-only commands read every target given; changes take one')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'With --apply: do not ask')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'With --apply: do not ask')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'With --apply: show the plan and change nothing')
            [CompletionResult]::new('--no-verify', '--no-verify', [CompletionResultType]::ParameterName, 'With --apply: skip the verification that follows the change by default')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log more (-v: each AWS call with its duration; -vv: debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log more (-v: each AWS call with its duration; -vv: debug)')
            [CompletionResult]::new('--all-targets', '--all-targets', [CompletionResultType]::ParameterName, 'Run against every target of [targets] (read-only commands only)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'masst;snapshot' {
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: human text, or one JSON document on stdout')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file (default: ./masst.toml, then $XDG_CONFIG_HOME/masst/masst.toml)')
            [CompletionResult]::new('--runbooks', '--runbooks', [CompletionResultType]::ParameterName, 'Add the runbooks of this folder (or file) to the embedded ones; one with the name of an embedded runbook replaces it')
            [CompletionResult]::new('--only-runbooks', '--only-runbooks', [CompletionResultType]::ParameterName, 'Use exactly the runbooks of this folder (or file), none of the embedded ones')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile (default: AWS_PROFILE, then [aws] profile in masst.toml)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: AWS_REGION, then the profile, then [aws] region)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send every AWS call to this endpoint (default: AWS_ENDPOINT_URL, then [aws] endpoint_url)')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'The change journal (default: $XDG_STATE_HOME/masst/journal.jsonl)')
            [CompletionResult]::new('--target', '--target', [CompletionResultType]::ParameterName, 'Run against this target of [targets] in masst.toml (repeatable; default: MASST_TARGET, comma-separated). Read-only commands read every target given; changes take one')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log more (-v: each AWS call with its duration; -vv: debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log more (-v: each AWS call with its duration; -vv: debug)')
            [CompletionResult]::new('--all-targets', '--all-targets', [CompletionResultType]::ParameterName, 'Run against every target of [targets] (read-only commands only)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('capture', 'capture', [CompletionResultType]::ParameterValue, 'Collect the evidence the runbooks need and write it as a snapshot (stdout by default)')
            [CompletionResult]::new('upgrade', 'upgrade', [CompletionResultType]::ParameterValue, 'Rewrite a snapshot file (format 1 or 2) as the compact format 2, in place')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'masst;snapshot;capture' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write to FILE instead of stdout')
            [CompletionResult]::new('--out', '--out', [CompletionResultType]::ParameterName, 'Write to FILE instead of stdout')
            [CompletionResult]::new('--window', '--window', [CompletionResultType]::ParameterName, 'How much metric history to read, e.g. `60m`, `2h` (one datapoint a minute)')
            [CompletionResult]::new('--scenario', '--scenario', [CompletionResultType]::ParameterName, 'Capture an embedded scenario''s evidence instead of live AWS')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: human text, or one JSON document on stdout')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file (default: ./masst.toml, then $XDG_CONFIG_HOME/masst/masst.toml)')
            [CompletionResult]::new('--runbooks', '--runbooks', [CompletionResultType]::ParameterName, 'Add the runbooks of this folder (or file) to the embedded ones; one with the name of an embedded runbook replaces it')
            [CompletionResult]::new('--only-runbooks', '--only-runbooks', [CompletionResultType]::ParameterName, 'Use exactly the runbooks of this folder (or file), none of the embedded ones')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile (default: AWS_PROFILE, then [aws] profile in masst.toml)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: AWS_REGION, then the profile, then [aws] region)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send every AWS call to this endpoint (default: AWS_ENDPOINT_URL, then [aws] endpoint_url)')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'The change journal (default: $XDG_STATE_HOME/masst/journal.jsonl)')
            [CompletionResult]::new('--target', '--target', [CompletionResultType]::ParameterName, 'Run against this target of [targets] in masst.toml (repeatable; default: MASST_TARGET, comma-separated). Read-only commands read every target given; changes take one')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log more (-v: each AWS call with its duration; -vv: debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log more (-v: each AWS call with its duration; -vv: debug)')
            [CompletionResult]::new('--all-targets', '--all-targets', [CompletionResultType]::ParameterName, 'Run against every target of [targets] (read-only commands only)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'masst;snapshot;upgrade' {
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: human text, or one JSON document on stdout')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file (default: ./masst.toml, then $XDG_CONFIG_HOME/masst/masst.toml)')
            [CompletionResult]::new('--runbooks', '--runbooks', [CompletionResultType]::ParameterName, 'Add the runbooks of this folder (or file) to the embedded ones; one with the name of an embedded runbook replaces it')
            [CompletionResult]::new('--only-runbooks', '--only-runbooks', [CompletionResultType]::ParameterName, 'Use exactly the runbooks of this folder (or file), none of the embedded ones')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile (default: AWS_PROFILE, then [aws] profile in masst.toml)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: AWS_REGION, then the profile, then [aws] region)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send every AWS call to this endpoint (default: AWS_ENDPOINT_URL, then [aws] endpoint_url)')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'The change journal (default: $XDG_STATE_HOME/masst/journal.jsonl)')
            [CompletionResult]::new('--target', '--target', [CompletionResultType]::ParameterName, 'Run against this target of [targets] in masst.toml (repeatable; default: MASST_TARGET, comma-separated). Read-only commands read every target given; changes take one')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log more (-v: each AWS call with its duration; -vv: debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log more (-v: each AWS call with its duration; -vv: debug)')
            [CompletionResult]::new('--all-targets', '--all-targets', [CompletionResultType]::ParameterName, 'Run against every target of [targets] (read-only commands only)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'masst;snapshot;help' {
            [CompletionResult]::new('capture', 'capture', [CompletionResultType]::ParameterValue, 'Collect the evidence the runbooks need and write it as a snapshot (stdout by default)')
            [CompletionResult]::new('upgrade', 'upgrade', [CompletionResultType]::ParameterValue, 'Rewrite a snapshot file (format 1 or 2) as the compact format 2, in place')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'masst;snapshot;help;capture' {
            break
        }
        'masst;snapshot;help;upgrade' {
            break
        }
        'masst;snapshot;help;help' {
            break
        }
        'masst;status' {
            [CompletionResult]::new('--scenario', '--scenario', [CompletionResultType]::ParameterName, 'Use an embedded scenario instead of live AWS')
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'Use a snapshot file')
            [CompletionResult]::new('--window', '--window', [CompletionResultType]::ParameterName, 'How much metric history to read live')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: human text, or one JSON document on stdout')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file (default: ./masst.toml, then $XDG_CONFIG_HOME/masst/masst.toml)')
            [CompletionResult]::new('--runbooks', '--runbooks', [CompletionResultType]::ParameterName, 'Add the runbooks of this folder (or file) to the embedded ones; one with the name of an embedded runbook replaces it')
            [CompletionResult]::new('--only-runbooks', '--only-runbooks', [CompletionResultType]::ParameterName, 'Use exactly the runbooks of this folder (or file), none of the embedded ones')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile (default: AWS_PROFILE, then [aws] profile in masst.toml)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: AWS_REGION, then the profile, then [aws] region)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send every AWS call to this endpoint (default: AWS_ENDPOINT_URL, then [aws] endpoint_url)')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'The change journal (default: $XDG_STATE_HOME/masst/journal.jsonl)')
            [CompletionResult]::new('--target', '--target', [CompletionResultType]::ParameterName, 'Run against this target of [targets] in masst.toml (repeatable; default: MASST_TARGET, comma-separated). Read-only commands read every target given; changes take one')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log more (-v: each AWS call with its duration; -vv: debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log more (-v: each AWS call with its duration; -vv: debug)')
            [CompletionResult]::new('--all-targets', '--all-targets', [CompletionResultType]::ParameterName, 'Run against every target of [targets] (read-only commands only)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'masst;verify' {
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up after this long, e.g. `6m` (default: the longest recovery budget of the results that fired, from the runbook files)')
            [CompletionResult]::new('--every', '--every', [CompletionResultType]::ParameterName, 'Read the evidence again this often, e.g. `30s`')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: human text, or one JSON document on stdout')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file (default: ./masst.toml, then $XDG_CONFIG_HOME/masst/masst.toml)')
            [CompletionResult]::new('--runbooks', '--runbooks', [CompletionResultType]::ParameterName, 'Add the runbooks of this folder (or file) to the embedded ones; one with the name of an embedded runbook replaces it')
            [CompletionResult]::new('--only-runbooks', '--only-runbooks', [CompletionResultType]::ParameterName, 'Use exactly the runbooks of this folder (or file), none of the embedded ones')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile (default: AWS_PROFILE, then [aws] profile in masst.toml)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: AWS_REGION, then the profile, then [aws] region)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send every AWS call to this endpoint (default: AWS_ENDPOINT_URL, then [aws] endpoint_url)')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'The change journal (default: $XDG_STATE_HOME/masst/journal.jsonl)')
            [CompletionResult]::new('--target', '--target', [CompletionResultType]::ParameterName, 'Run against this target of [targets] in masst.toml (repeatable; default: MASST_TARGET, comma-separated). Read-only commands read every target given; changes take one')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log more (-v: each AWS call with its duration; -vv: debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log more (-v: each AWS call with its duration; -vv: debug)')
            [CompletionResult]::new('--all-targets', '--all-targets', [CompletionResultType]::ParameterName, 'Run against every target of [targets] (read-only commands only)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'masst;watch' {
            [CompletionResult]::new('--every', '--every', [CompletionResultType]::ParameterName, 'Refresh this often, e.g. `60s`')
            [CompletionResult]::new('--scenario', '--scenario', [CompletionResultType]::ParameterName, 'Use an embedded scenario instead of live AWS')
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'Use a snapshot file')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: human text, or one JSON document on stdout')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file (default: ./masst.toml, then $XDG_CONFIG_HOME/masst/masst.toml)')
            [CompletionResult]::new('--runbooks', '--runbooks', [CompletionResultType]::ParameterName, 'Add the runbooks of this folder (or file) to the embedded ones; one with the name of an embedded runbook replaces it')
            [CompletionResult]::new('--only-runbooks', '--only-runbooks', [CompletionResultType]::ParameterName, 'Use exactly the runbooks of this folder (or file), none of the embedded ones')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile (default: AWS_PROFILE, then [aws] profile in masst.toml)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: AWS_REGION, then the profile, then [aws] region)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send every AWS call to this endpoint (default: AWS_ENDPOINT_URL, then [aws] endpoint_url)')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'The change journal (default: $XDG_STATE_HOME/masst/journal.jsonl)')
            [CompletionResult]::new('--target', '--target', [CompletionResultType]::ParameterName, 'Run against this target of [targets] in masst.toml (repeatable; default: MASST_TARGET, comma-separated). Read-only commands read every target given; changes take one')
            [CompletionResult]::new('--once', '--once', [CompletionResultType]::ParameterName, 'Print one frame and exit')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log more (-v: each AWS call with its duration; -vv: debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log more (-v: each AWS call with its duration; -vv: debug)')
            [CompletionResult]::new('--all-targets', '--all-targets', [CompletionResultType]::ParameterName, 'Run against every target of [targets] (read-only commands only)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'masst;report' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'The file to write: `.html` (self-contained, the default) or `.md` (Markdown + Mermaid)')
            [CompletionResult]::new('--out', '--out', [CompletionResultType]::ParameterName, 'The file to write: `.html` (self-contained, the default) or `.md` (Markdown + Mermaid)')
            [CompletionResult]::new('--scenario', '--scenario', [CompletionResultType]::ParameterName, 'Use an embedded scenario instead of live AWS')
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'Use a snapshot file')
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'Journal entries from this time (a timestamp, or a duration before the evidence such as `2h`); default: the evidence''s window')
            [CompletionResult]::new('--window', '--window', [CompletionResultType]::ParameterName, 'How much metric history to read live, e.g. `60m`, `2h`')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: human text, or one JSON document on stdout')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file (default: ./masst.toml, then $XDG_CONFIG_HOME/masst/masst.toml)')
            [CompletionResult]::new('--runbooks', '--runbooks', [CompletionResultType]::ParameterName, 'Add the runbooks of this folder (or file) to the embedded ones; one with the name of an embedded runbook replaces it')
            [CompletionResult]::new('--only-runbooks', '--only-runbooks', [CompletionResultType]::ParameterName, 'Use exactly the runbooks of this folder (or file), none of the embedded ones')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile (default: AWS_PROFILE, then [aws] profile in masst.toml)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: AWS_REGION, then the profile, then [aws] region)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send every AWS call to this endpoint (default: AWS_ENDPOINT_URL, then [aws] endpoint_url)')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'The change journal (default: $XDG_STATE_HOME/masst/journal.jsonl)')
            [CompletionResult]::new('--target', '--target', [CompletionResultType]::ParameterName, 'Run against this target of [targets] in masst.toml (repeatable; default: MASST_TARGET, comma-separated). Read-only commands read every target given; changes take one')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log more (-v: each AWS call with its duration; -vv: debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log more (-v: each AWS call with its duration; -vv: debug)')
            [CompletionResult]::new('--all-targets', '--all-targets', [CompletionResultType]::ParameterName, 'Run against every target of [targets] (read-only commands only)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'masst;lab' {
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: human text, or one JSON document on stdout')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file (default: ./masst.toml, then $XDG_CONFIG_HOME/masst/masst.toml)')
            [CompletionResult]::new('--runbooks', '--runbooks', [CompletionResultType]::ParameterName, 'Add the runbooks of this folder (or file) to the embedded ones; one with the name of an embedded runbook replaces it')
            [CompletionResult]::new('--only-runbooks', '--only-runbooks', [CompletionResultType]::ParameterName, 'Use exactly the runbooks of this folder (or file), none of the embedded ones')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile (default: AWS_PROFILE, then [aws] profile in masst.toml)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: AWS_REGION, then the profile, then [aws] region)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send every AWS call to this endpoint (default: AWS_ENDPOINT_URL, then [aws] endpoint_url)')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'The change journal (default: $XDG_STATE_HOME/masst/journal.jsonl)')
            [CompletionResult]::new('--target', '--target', [CompletionResultType]::ParameterName, 'Run against this target of [targets] in masst.toml (repeatable; default: MASST_TARGET, comma-separated). Read-only commands read every target given; changes take one')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log more (-v: each AWS call with its duration; -vv: debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log more (-v: each AWS call with its duration; -vv: debug)')
            [CompletionResult]::new('--all-targets', '--all-targets', [CompletionResultType]::ParameterName, 'Run against every target of [targets] (read-only commands only)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('up', 'up', [CompletionResultType]::ParameterValue, 'Create the scenario''s queues, messages, AppConfig document, ECS services and an hour of metric history. Refuses any endpoint that is not on this machine')
            [CompletionResult]::new('down', 'down', [CompletionResultType]::ParameterValue, 'Remove what `lab up` created (metric history stays: CloudWatch cannot delete it)')
            [CompletionResult]::new('drill', 'drill', [CompletionResultType]::ParameterValue, 'Run a practice incident: build the scenario, then step it minute by minute against what you change (with masst or anything else), and score how it went')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'masst;lab;up' {
            [CompletionResult]::new('--scenario', '--scenario', [CompletionResultType]::ParameterName, 'The scenario to build')
            [CompletionResult]::new('--scenario-file', '--scenario-file', [CompletionResultType]::ParameterName, 'Build the world of a scenario file instead (TOML, as in scenarios/)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: human text, or one JSON document on stdout')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file (default: ./masst.toml, then $XDG_CONFIG_HOME/masst/masst.toml)')
            [CompletionResult]::new('--runbooks', '--runbooks', [CompletionResultType]::ParameterName, 'Add the runbooks of this folder (or file) to the embedded ones; one with the name of an embedded runbook replaces it')
            [CompletionResult]::new('--only-runbooks', '--only-runbooks', [CompletionResultType]::ParameterName, 'Use exactly the runbooks of this folder (or file), none of the embedded ones')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile (default: AWS_PROFILE, then [aws] profile in masst.toml)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: AWS_REGION, then the profile, then [aws] region)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send every AWS call to this endpoint (default: AWS_ENDPOINT_URL, then [aws] endpoint_url)')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'The change journal (default: $XDG_STATE_HOME/masst/journal.jsonl)')
            [CompletionResult]::new('--target', '--target', [CompletionResultType]::ParameterName, 'Run against this target of [targets] in masst.toml (repeatable; default: MASST_TARGET, comma-separated). Read-only commands read every target given; changes take one')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log more (-v: each AWS call with its duration; -vv: debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log more (-v: each AWS call with its duration; -vv: debug)')
            [CompletionResult]::new('--all-targets', '--all-targets', [CompletionResultType]::ParameterName, 'Run against every target of [targets] (read-only commands only)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'masst;lab;down' {
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: human text, or one JSON document on stdout')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file (default: ./masst.toml, then $XDG_CONFIG_HOME/masst/masst.toml)')
            [CompletionResult]::new('--runbooks', '--runbooks', [CompletionResultType]::ParameterName, 'Add the runbooks of this folder (or file) to the embedded ones; one with the name of an embedded runbook replaces it')
            [CompletionResult]::new('--only-runbooks', '--only-runbooks', [CompletionResultType]::ParameterName, 'Use exactly the runbooks of this folder (or file), none of the embedded ones')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile (default: AWS_PROFILE, then [aws] profile in masst.toml)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: AWS_REGION, then the profile, then [aws] region)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send every AWS call to this endpoint (default: AWS_ENDPOINT_URL, then [aws] endpoint_url)')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'The change journal (default: $XDG_STATE_HOME/masst/journal.jsonl)')
            [CompletionResult]::new('--target', '--target', [CompletionResultType]::ParameterName, 'Run against this target of [targets] in masst.toml (repeatable; default: MASST_TARGET, comma-separated). Read-only commands read every target given; changes take one')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log more (-v: each AWS call with its duration; -vv: debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log more (-v: each AWS call with its duration; -vv: debug)')
            [CompletionResult]::new('--all-targets', '--all-targets', [CompletionResultType]::ParameterName, 'Run against every target of [targets] (read-only commands only)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'masst;lab;drill' {
            [CompletionResult]::new('--scenario', '--scenario', [CompletionResultType]::ParameterName, 'The scenario to run')
            [CompletionResult]::new('--speed', '--speed', [CompletionResultType]::ParameterName, 'Simulated minutes per real minute (60: one simulated minute each second)')
            [CompletionResult]::new('--minutes', '--minutes', [CompletionResultType]::ParameterName, 'Stop after this many simulated minutes (sooner once recovery has held for 5)')
            [CompletionResult]::new('--seed', '--seed', [CompletionResultType]::ParameterName, 'The seed of the demand''s noise: the same seed gives the same drill')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: human text, or one JSON document on stdout')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file (default: ./masst.toml, then $XDG_CONFIG_HOME/masst/masst.toml)')
            [CompletionResult]::new('--runbooks', '--runbooks', [CompletionResultType]::ParameterName, 'Add the runbooks of this folder (or file) to the embedded ones; one with the name of an embedded runbook replaces it')
            [CompletionResult]::new('--only-runbooks', '--only-runbooks', [CompletionResultType]::ParameterName, 'Use exactly the runbooks of this folder (or file), none of the embedded ones')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile (default: AWS_PROFILE, then [aws] profile in masst.toml)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: AWS_REGION, then the profile, then [aws] region)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send every AWS call to this endpoint (default: AWS_ENDPOINT_URL, then [aws] endpoint_url)')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'The change journal (default: $XDG_STATE_HOME/masst/journal.jsonl)')
            [CompletionResult]::new('--target', '--target', [CompletionResultType]::ParameterName, 'Run against this target of [targets] in masst.toml (repeatable; default: MASST_TARGET, comma-separated). Read-only commands read every target given; changes take one')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log more (-v: each AWS call with its duration; -vv: debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log more (-v: each AWS call with its duration; -vv: debug)')
            [CompletionResult]::new('--all-targets', '--all-targets', [CompletionResultType]::ParameterName, 'Run against every target of [targets] (read-only commands only)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'masst;lab;help' {
            [CompletionResult]::new('up', 'up', [CompletionResultType]::ParameterValue, 'Create the scenario''s queues, messages, AppConfig document, ECS services and an hour of metric history. Refuses any endpoint that is not on this machine')
            [CompletionResult]::new('down', 'down', [CompletionResultType]::ParameterValue, 'Remove what `lab up` created (metric history stays: CloudWatch cannot delete it)')
            [CompletionResult]::new('drill', 'drill', [CompletionResultType]::ParameterValue, 'Run a practice incident: build the scenario, then step it minute by minute against what you change (with masst or anything else), and score how it went')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'masst;lab;help;up' {
            break
        }
        'masst;lab;help;down' {
            break
        }
        'masst;lab;help;drill' {
            break
        }
        'masst;lab;help;help' {
            break
        }
        'masst;config' {
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: human text, or one JSON document on stdout')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file (default: ./masst.toml, then $XDG_CONFIG_HOME/masst/masst.toml)')
            [CompletionResult]::new('--runbooks', '--runbooks', [CompletionResultType]::ParameterName, 'Add the runbooks of this folder (or file) to the embedded ones; one with the name of an embedded runbook replaces it')
            [CompletionResult]::new('--only-runbooks', '--only-runbooks', [CompletionResultType]::ParameterName, 'Use exactly the runbooks of this folder (or file), none of the embedded ones')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile (default: AWS_PROFILE, then [aws] profile in masst.toml)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: AWS_REGION, then the profile, then [aws] region)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send every AWS call to this endpoint (default: AWS_ENDPOINT_URL, then [aws] endpoint_url)')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'The change journal (default: $XDG_STATE_HOME/masst/journal.jsonl)')
            [CompletionResult]::new('--target', '--target', [CompletionResultType]::ParameterName, 'Run against this target of [targets] in masst.toml (repeatable; default: MASST_TARGET, comma-separated). Read-only commands read every target given; changes take one')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log more (-v: each AWS call with its duration; -vv: debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log more (-v: each AWS call with its duration; -vv: debug)')
            [CompletionResult]::new('--all-targets', '--all-targets', [CompletionResultType]::ParameterName, 'Run against every target of [targets] (read-only commands only)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Print every setting with its value and origin')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'masst;config;show' {
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: human text, or one JSON document on stdout')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file (default: ./masst.toml, then $XDG_CONFIG_HOME/masst/masst.toml)')
            [CompletionResult]::new('--runbooks', '--runbooks', [CompletionResultType]::ParameterName, 'Add the runbooks of this folder (or file) to the embedded ones; one with the name of an embedded runbook replaces it')
            [CompletionResult]::new('--only-runbooks', '--only-runbooks', [CompletionResultType]::ParameterName, 'Use exactly the runbooks of this folder (or file), none of the embedded ones')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile (default: AWS_PROFILE, then [aws] profile in masst.toml)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: AWS_REGION, then the profile, then [aws] region)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send every AWS call to this endpoint (default: AWS_ENDPOINT_URL, then [aws] endpoint_url)')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'The change journal (default: $XDG_STATE_HOME/masst/journal.jsonl)')
            [CompletionResult]::new('--target', '--target', [CompletionResultType]::ParameterName, 'Run against this target of [targets] in masst.toml (repeatable; default: MASST_TARGET, comma-separated). Read-only commands read every target given; changes take one')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log more (-v: each AWS call with its duration; -vv: debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log more (-v: each AWS call with its duration; -vv: debug)')
            [CompletionResult]::new('--all-targets', '--all-targets', [CompletionResultType]::ParameterName, 'Run against every target of [targets] (read-only commands only)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'masst;config;help' {
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Print every setting with its value and origin')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'masst;config;help;show' {
            break
        }
        'masst;config;help;help' {
            break
        }
        'masst;analytics' {
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: human text, or one JSON document on stdout')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file (default: ./masst.toml, then $XDG_CONFIG_HOME/masst/masst.toml)')
            [CompletionResult]::new('--runbooks', '--runbooks', [CompletionResultType]::ParameterName, 'Add the runbooks of this folder (or file) to the embedded ones; one with the name of an embedded runbook replaces it')
            [CompletionResult]::new('--only-runbooks', '--only-runbooks', [CompletionResultType]::ParameterName, 'Use exactly the runbooks of this folder (or file), none of the embedded ones')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile (default: AWS_PROFILE, then [aws] profile in masst.toml)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: AWS_REGION, then the profile, then [aws] region)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send every AWS call to this endpoint (default: AWS_ENDPOINT_URL, then [aws] endpoint_url)')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'The change journal (default: $XDG_STATE_HOME/masst/journal.jsonl)')
            [CompletionResult]::new('--target', '--target', [CompletionResultType]::ParameterName, 'Run against this target of [targets] in masst.toml (repeatable; default: MASST_TARGET, comma-separated). Read-only commands read every target given; changes take one')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log more (-v: each AWS call with its duration; -vv: debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log more (-v: each AWS call with its duration; -vv: debug)')
            [CompletionResult]::new('--all-targets', '--all-targets', [CompletionResultType]::ParameterName, 'Run against every target of [targets] (read-only commands only)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('pause', 'pause', [CompletionResultType]::ParameterValue, 'Pause (journaled; `masst undo` reverses it)')
            [CompletionResult]::new('resume', 'resume', [CompletionResultType]::ParameterValue, 'Resume')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'masst;analytics;pause' {
            [CompletionResult]::new('--diagnosis', '--diagnosis', [CompletionResultType]::ParameterName, 'The diagnosis that offered this action (set by `diagnose --apply`)')
            [CompletionResult]::new('--verify-timeout', '--verify-timeout', [CompletionResultType]::ParameterName, 'With --verify: give up after this long (default: the outcome''s recovery budget)')
            [CompletionResult]::new('--verify-every', '--verify-every', [CompletionResultType]::ParameterName, 'With --verify: read the evidence again this often')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: human text, or one JSON document on stdout')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file (default: ./masst.toml, then $XDG_CONFIG_HOME/masst/masst.toml)')
            [CompletionResult]::new('--runbooks', '--runbooks', [CompletionResultType]::ParameterName, 'Add the runbooks of this folder (or file) to the embedded ones; one with the name of an embedded runbook replaces it')
            [CompletionResult]::new('--only-runbooks', '--only-runbooks', [CompletionResultType]::ParameterName, 'Use exactly the runbooks of this folder (or file), none of the embedded ones')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile (default: AWS_PROFILE, then [aws] profile in masst.toml)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: AWS_REGION, then the profile, then [aws] region)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send every AWS call to this endpoint (default: AWS_ENDPOINT_URL, then [aws] endpoint_url)')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'The change journal (default: $XDG_STATE_HOME/masst/journal.jsonl)')
            [CompletionResult]::new('--target', '--target', [CompletionResultType]::ParameterName, 'Run against this target of [targets] in masst.toml (repeatable; default: MASST_TARGET, comma-separated). Read-only commands read every target given; changes take one')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Apply without asking (needed when stdin is not a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Apply without asking (needed when stdin is not a terminal)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show the plan and change nothing')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Override the quota guard (for undo: a state that changed since)')
            [CompletionResult]::new('--no-wait', '--no-wait', [CompletionResultType]::ParameterName, 'Return once an AppConfig deployment has started instead of following it')
            [CompletionResult]::new('--verify', '--verify', [CompletionResultType]::ParameterName, 'After the change, watch the runbook that offered it (or those whose outcomes list the action) until the incident recovers; on `worse`, offer `masst undo` on a terminal')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log more (-v: each AWS call with its duration; -vv: debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log more (-v: each AWS call with its duration; -vv: debug)')
            [CompletionResult]::new('--all-targets', '--all-targets', [CompletionResultType]::ParameterName, 'Run against every target of [targets] (read-only commands only)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'masst;analytics;resume' {
            [CompletionResult]::new('--diagnosis', '--diagnosis', [CompletionResultType]::ParameterName, 'The diagnosis that offered this action (set by `diagnose --apply`)')
            [CompletionResult]::new('--verify-timeout', '--verify-timeout', [CompletionResultType]::ParameterName, 'With --verify: give up after this long (default: the outcome''s recovery budget)')
            [CompletionResult]::new('--verify-every', '--verify-every', [CompletionResultType]::ParameterName, 'With --verify: read the evidence again this often')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: human text, or one JSON document on stdout')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file (default: ./masst.toml, then $XDG_CONFIG_HOME/masst/masst.toml)')
            [CompletionResult]::new('--runbooks', '--runbooks', [CompletionResultType]::ParameterName, 'Add the runbooks of this folder (or file) to the embedded ones; one with the name of an embedded runbook replaces it')
            [CompletionResult]::new('--only-runbooks', '--only-runbooks', [CompletionResultType]::ParameterName, 'Use exactly the runbooks of this folder (or file), none of the embedded ones')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile (default: AWS_PROFILE, then [aws] profile in masst.toml)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: AWS_REGION, then the profile, then [aws] region)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send every AWS call to this endpoint (default: AWS_ENDPOINT_URL, then [aws] endpoint_url)')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'The change journal (default: $XDG_STATE_HOME/masst/journal.jsonl)')
            [CompletionResult]::new('--target', '--target', [CompletionResultType]::ParameterName, 'Run against this target of [targets] in masst.toml (repeatable; default: MASST_TARGET, comma-separated). Read-only commands read every target given; changes take one')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Apply without asking (needed when stdin is not a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Apply without asking (needed when stdin is not a terminal)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show the plan and change nothing')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Override the quota guard (for undo: a state that changed since)')
            [CompletionResult]::new('--no-wait', '--no-wait', [CompletionResultType]::ParameterName, 'Return once an AppConfig deployment has started instead of following it')
            [CompletionResult]::new('--verify', '--verify', [CompletionResultType]::ParameterName, 'After the change, watch the runbook that offered it (or those whose outcomes list the action) until the incident recovers; on `worse`, offer `masst undo` on a terminal')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log more (-v: each AWS call with its duration; -vv: debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log more (-v: each AWS call with its duration; -vv: debug)')
            [CompletionResult]::new('--all-targets', '--all-targets', [CompletionResultType]::ParameterName, 'Run against every target of [targets] (read-only commands only)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'masst;analytics;help' {
            [CompletionResult]::new('pause', 'pause', [CompletionResultType]::ParameterValue, 'Pause (journaled; `masst undo` reverses it)')
            [CompletionResult]::new('resume', 'resume', [CompletionResultType]::ParameterValue, 'Resume')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'masst;analytics;help;pause' {
            break
        }
        'masst;analytics;help;resume' {
            break
        }
        'masst;analytics;help;help' {
            break
        }
        'masst;concurrency' {
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: human text, or one JSON document on stdout')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file (default: ./masst.toml, then $XDG_CONFIG_HOME/masst/masst.toml)')
            [CompletionResult]::new('--runbooks', '--runbooks', [CompletionResultType]::ParameterName, 'Add the runbooks of this folder (or file) to the embedded ones; one with the name of an embedded runbook replaces it')
            [CompletionResult]::new('--only-runbooks', '--only-runbooks', [CompletionResultType]::ParameterName, 'Use exactly the runbooks of this folder (or file), none of the embedded ones')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile (default: AWS_PROFILE, then [aws] profile in masst.toml)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: AWS_REGION, then the profile, then [aws] region)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send every AWS call to this endpoint (default: AWS_ENDPOINT_URL, then [aws] endpoint_url)')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'The change journal (default: $XDG_STATE_HOME/masst/journal.jsonl)')
            [CompletionResult]::new('--target', '--target', [CompletionResultType]::ParameterName, 'Run against this target of [targets] in masst.toml (repeatable; default: MASST_TARGET, comma-separated). Read-only commands read every target given; changes take one')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log more (-v: each AWS call with its duration; -vv: debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log more (-v: each AWS call with its duration; -vv: debug)')
            [CompletionResult]::new('--all-targets', '--all-targets', [CompletionResultType]::ParameterName, 'Run against every target of [targets] (read-only commands only)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Set a pool''s max_concurrency for a model; refused if the model''s pools would exceed its quota')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'masst;concurrency;set' {
            [CompletionResult]::new('--pool', '--pool', [CompletionResultType]::ParameterName, 'The pool: realtime, batch or analytics')
            [CompletionResult]::new('--diagnosis', '--diagnosis', [CompletionResultType]::ParameterName, 'The diagnosis that offered this action (set by `diagnose --apply`)')
            [CompletionResult]::new('--verify-timeout', '--verify-timeout', [CompletionResultType]::ParameterName, 'With --verify: give up after this long (default: the outcome''s recovery budget)')
            [CompletionResult]::new('--verify-every', '--verify-every', [CompletionResultType]::ParameterName, 'With --verify: read the evidence again this often')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: human text, or one JSON document on stdout')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file (default: ./masst.toml, then $XDG_CONFIG_HOME/masst/masst.toml)')
            [CompletionResult]::new('--runbooks', '--runbooks', [CompletionResultType]::ParameterName, 'Add the runbooks of this folder (or file) to the embedded ones; one with the name of an embedded runbook replaces it')
            [CompletionResult]::new('--only-runbooks', '--only-runbooks', [CompletionResultType]::ParameterName, 'Use exactly the runbooks of this folder (or file), none of the embedded ones')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile (default: AWS_PROFILE, then [aws] profile in masst.toml)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: AWS_REGION, then the profile, then [aws] region)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send every AWS call to this endpoint (default: AWS_ENDPOINT_URL, then [aws] endpoint_url)')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'The change journal (default: $XDG_STATE_HOME/masst/journal.jsonl)')
            [CompletionResult]::new('--target', '--target', [CompletionResultType]::ParameterName, 'Run against this target of [targets] in masst.toml (repeatable; default: MASST_TARGET, comma-separated). Read-only commands read every target given; changes take one')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Apply without asking (needed when stdin is not a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Apply without asking (needed when stdin is not a terminal)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show the plan and change nothing')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Override the quota guard (for undo: a state that changed since)')
            [CompletionResult]::new('--no-wait', '--no-wait', [CompletionResultType]::ParameterName, 'Return once an AppConfig deployment has started instead of following it')
            [CompletionResult]::new('--verify', '--verify', [CompletionResultType]::ParameterName, 'After the change, watch the runbook that offered it (or those whose outcomes list the action) until the incident recovers; on `worse`, offer `masst undo` on a terminal')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log more (-v: each AWS call with its duration; -vv: debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log more (-v: each AWS call with its duration; -vv: debug)')
            [CompletionResult]::new('--all-targets', '--all-targets', [CompletionResultType]::ParameterName, 'Run against every target of [targets] (read-only commands only)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'masst;concurrency;help' {
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Set a pool''s max_concurrency for a model; refused if the model''s pools would exceed its quota')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'masst;concurrency;help;set' {
            break
        }
        'masst;concurrency;help;help' {
            break
        }
        'masst;routing' {
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: human text, or one JSON document on stdout')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file (default: ./masst.toml, then $XDG_CONFIG_HOME/masst/masst.toml)')
            [CompletionResult]::new('--runbooks', '--runbooks', [CompletionResultType]::ParameterName, 'Add the runbooks of this folder (or file) to the embedded ones; one with the name of an embedded runbook replaces it')
            [CompletionResult]::new('--only-runbooks', '--only-runbooks', [CompletionResultType]::ParameterName, 'Use exactly the runbooks of this folder (or file), none of the embedded ones')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile (default: AWS_PROFILE, then [aws] profile in masst.toml)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: AWS_REGION, then the profile, then [aws] region)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send every AWS call to this endpoint (default: AWS_ENDPOINT_URL, then [aws] endpoint_url)')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'The change journal (default: $XDG_STATE_HOME/masst/journal.jsonl)')
            [CompletionResult]::new('--target', '--target', [CompletionResultType]::ParameterName, 'Run against this target of [targets] in masst.toml (repeatable; default: MASST_TARGET, comma-separated). Read-only commands read every target given; changes take one')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log more (-v: each AWS call with its duration; -vv: debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log more (-v: each AWS call with its duration; -vv: debug)')
            [CompletionResult]::new('--all-targets', '--all-targets', [CompletionResultType]::ParameterName, 'Run against every target of [targets] (read-only commands only)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('haiku', 'haiku', [CompletionResultType]::ParameterValue, 'Route simple queries (FAQ, store hours) to Haiku, or stop')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'masst;routing;haiku' {
            [CompletionResult]::new('--diagnosis', '--diagnosis', [CompletionResultType]::ParameterName, 'The diagnosis that offered this action (set by `diagnose --apply`)')
            [CompletionResult]::new('--verify-timeout', '--verify-timeout', [CompletionResultType]::ParameterName, 'With --verify: give up after this long (default: the outcome''s recovery budget)')
            [CompletionResult]::new('--verify-every', '--verify-every', [CompletionResultType]::ParameterName, 'With --verify: read the evidence again this often')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: human text, or one JSON document on stdout')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file (default: ./masst.toml, then $XDG_CONFIG_HOME/masst/masst.toml)')
            [CompletionResult]::new('--runbooks', '--runbooks', [CompletionResultType]::ParameterName, 'Add the runbooks of this folder (or file) to the embedded ones; one with the name of an embedded runbook replaces it')
            [CompletionResult]::new('--only-runbooks', '--only-runbooks', [CompletionResultType]::ParameterName, 'Use exactly the runbooks of this folder (or file), none of the embedded ones')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile (default: AWS_PROFILE, then [aws] profile in masst.toml)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: AWS_REGION, then the profile, then [aws] region)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send every AWS call to this endpoint (default: AWS_ENDPOINT_URL, then [aws] endpoint_url)')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'The change journal (default: $XDG_STATE_HOME/masst/journal.jsonl)')
            [CompletionResult]::new('--target', '--target', [CompletionResultType]::ParameterName, 'Run against this target of [targets] in masst.toml (repeatable; default: MASST_TARGET, comma-separated). Read-only commands read every target given; changes take one')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Apply without asking (needed when stdin is not a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Apply without asking (needed when stdin is not a terminal)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show the plan and change nothing')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Override the quota guard (for undo: a state that changed since)')
            [CompletionResult]::new('--no-wait', '--no-wait', [CompletionResultType]::ParameterName, 'Return once an AppConfig deployment has started instead of following it')
            [CompletionResult]::new('--verify', '--verify', [CompletionResultType]::ParameterName, 'After the change, watch the runbook that offered it (or those whose outcomes list the action) until the incident recovers; on `worse`, offer `masst undo` on a terminal')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log more (-v: each AWS call with its duration; -vv: debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log more (-v: each AWS call with its duration; -vv: debug)')
            [CompletionResult]::new('--all-targets', '--all-targets', [CompletionResultType]::ParameterName, 'Run against every target of [targets] (read-only commands only)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'masst;routing;help' {
            [CompletionResult]::new('haiku', 'haiku', [CompletionResultType]::ParameterValue, 'Route simple queries (FAQ, store hours) to Haiku, or stop')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'masst;routing;help;haiku' {
            break
        }
        'masst;routing;help;help' {
            break
        }
        'masst;batch' {
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: human text, or one JSON document on stdout')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file (default: ./masst.toml, then $XDG_CONFIG_HOME/masst/masst.toml)')
            [CompletionResult]::new('--runbooks', '--runbooks', [CompletionResultType]::ParameterName, 'Add the runbooks of this folder (or file) to the embedded ones; one with the name of an embedded runbook replaces it')
            [CompletionResult]::new('--only-runbooks', '--only-runbooks', [CompletionResultType]::ParameterName, 'Use exactly the runbooks of this folder (or file), none of the embedded ones')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile (default: AWS_PROFILE, then [aws] profile in masst.toml)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: AWS_REGION, then the profile, then [aws] region)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send every AWS call to this endpoint (default: AWS_ENDPOINT_URL, then [aws] endpoint_url)')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'The change journal (default: $XDG_STATE_HOME/masst/journal.jsonl)')
            [CompletionResult]::new('--target', '--target', [CompletionResultType]::ParameterName, 'Run against this target of [targets] in masst.toml (repeatable; default: MASST_TARGET, comma-separated). Read-only commands read every target given; changes take one')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log more (-v: each AWS call with its duration; -vv: debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log more (-v: each AWS call with its duration; -vv: debug)')
            [CompletionResult]::new('--all-targets', '--all-targets', [CompletionResultType]::ParameterName, 'Run against every target of [targets] (read-only commands only)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('pause', 'pause', [CompletionResultType]::ParameterValue, 'Pause batch processing')
            [CompletionResult]::new('resume', 'resume', [CompletionResultType]::ParameterValue, 'Resume batch processing')
            [CompletionResult]::new('concurrency', 'concurrency', [CompletionResultType]::ParameterValue, 'Give batch a dedicated pool of N slots of its model (no longer shared with real-time)')
            [CompletionResult]::new('schedule', 'schedule', [CompletionResultType]::ParameterValue, 'The time-of-day batch concurrency table (JST)')
            [CompletionResult]::new('model', 'model', [CompletionResultType]::ParameterValue, 'Switch the batch model (its dedicated pool follows)')
            [CompletionResult]::new('scale', 'scale', [CompletionResultType]::ParameterValue, 'Set the batch-worker ECS desired count')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'masst;batch;pause' {
            [CompletionResult]::new('--diagnosis', '--diagnosis', [CompletionResultType]::ParameterName, 'The diagnosis that offered this action (set by `diagnose --apply`)')
            [CompletionResult]::new('--verify-timeout', '--verify-timeout', [CompletionResultType]::ParameterName, 'With --verify: give up after this long (default: the outcome''s recovery budget)')
            [CompletionResult]::new('--verify-every', '--verify-every', [CompletionResultType]::ParameterName, 'With --verify: read the evidence again this often')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: human text, or one JSON document on stdout')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file (default: ./masst.toml, then $XDG_CONFIG_HOME/masst/masst.toml)')
            [CompletionResult]::new('--runbooks', '--runbooks', [CompletionResultType]::ParameterName, 'Add the runbooks of this folder (or file) to the embedded ones; one with the name of an embedded runbook replaces it')
            [CompletionResult]::new('--only-runbooks', '--only-runbooks', [CompletionResultType]::ParameterName, 'Use exactly the runbooks of this folder (or file), none of the embedded ones')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile (default: AWS_PROFILE, then [aws] profile in masst.toml)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: AWS_REGION, then the profile, then [aws] region)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send every AWS call to this endpoint (default: AWS_ENDPOINT_URL, then [aws] endpoint_url)')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'The change journal (default: $XDG_STATE_HOME/masst/journal.jsonl)')
            [CompletionResult]::new('--target', '--target', [CompletionResultType]::ParameterName, 'Run against this target of [targets] in masst.toml (repeatable; default: MASST_TARGET, comma-separated). Read-only commands read every target given; changes take one')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Apply without asking (needed when stdin is not a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Apply without asking (needed when stdin is not a terminal)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show the plan and change nothing')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Override the quota guard (for undo: a state that changed since)')
            [CompletionResult]::new('--no-wait', '--no-wait', [CompletionResultType]::ParameterName, 'Return once an AppConfig deployment has started instead of following it')
            [CompletionResult]::new('--verify', '--verify', [CompletionResultType]::ParameterName, 'After the change, watch the runbook that offered it (or those whose outcomes list the action) until the incident recovers; on `worse`, offer `masst undo` on a terminal')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log more (-v: each AWS call with its duration; -vv: debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log more (-v: each AWS call with its duration; -vv: debug)')
            [CompletionResult]::new('--all-targets', '--all-targets', [CompletionResultType]::ParameterName, 'Run against every target of [targets] (read-only commands only)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'masst;batch;resume' {
            [CompletionResult]::new('--diagnosis', '--diagnosis', [CompletionResultType]::ParameterName, 'The diagnosis that offered this action (set by `diagnose --apply`)')
            [CompletionResult]::new('--verify-timeout', '--verify-timeout', [CompletionResultType]::ParameterName, 'With --verify: give up after this long (default: the outcome''s recovery budget)')
            [CompletionResult]::new('--verify-every', '--verify-every', [CompletionResultType]::ParameterName, 'With --verify: read the evidence again this often')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: human text, or one JSON document on stdout')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file (default: ./masst.toml, then $XDG_CONFIG_HOME/masst/masst.toml)')
            [CompletionResult]::new('--runbooks', '--runbooks', [CompletionResultType]::ParameterName, 'Add the runbooks of this folder (or file) to the embedded ones; one with the name of an embedded runbook replaces it')
            [CompletionResult]::new('--only-runbooks', '--only-runbooks', [CompletionResultType]::ParameterName, 'Use exactly the runbooks of this folder (or file), none of the embedded ones')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile (default: AWS_PROFILE, then [aws] profile in masst.toml)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: AWS_REGION, then the profile, then [aws] region)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send every AWS call to this endpoint (default: AWS_ENDPOINT_URL, then [aws] endpoint_url)')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'The change journal (default: $XDG_STATE_HOME/masst/journal.jsonl)')
            [CompletionResult]::new('--target', '--target', [CompletionResultType]::ParameterName, 'Run against this target of [targets] in masst.toml (repeatable; default: MASST_TARGET, comma-separated). Read-only commands read every target given; changes take one')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Apply without asking (needed when stdin is not a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Apply without asking (needed when stdin is not a terminal)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show the plan and change nothing')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Override the quota guard (for undo: a state that changed since)')
            [CompletionResult]::new('--no-wait', '--no-wait', [CompletionResultType]::ParameterName, 'Return once an AppConfig deployment has started instead of following it')
            [CompletionResult]::new('--verify', '--verify', [CompletionResultType]::ParameterName, 'After the change, watch the runbook that offered it (or those whose outcomes list the action) until the incident recovers; on `worse`, offer `masst undo` on a terminal')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log more (-v: each AWS call with its duration; -vv: debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log more (-v: each AWS call with its duration; -vv: debug)')
            [CompletionResult]::new('--all-targets', '--all-targets', [CompletionResultType]::ParameterName, 'Run against every target of [targets] (read-only commands only)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'masst;batch;concurrency' {
            [CompletionResult]::new('--diagnosis', '--diagnosis', [CompletionResultType]::ParameterName, 'The diagnosis that offered this action (set by `diagnose --apply`)')
            [CompletionResult]::new('--verify-timeout', '--verify-timeout', [CompletionResultType]::ParameterName, 'With --verify: give up after this long (default: the outcome''s recovery budget)')
            [CompletionResult]::new('--verify-every', '--verify-every', [CompletionResultType]::ParameterName, 'With --verify: read the evidence again this often')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: human text, or one JSON document on stdout')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file (default: ./masst.toml, then $XDG_CONFIG_HOME/masst/masst.toml)')
            [CompletionResult]::new('--runbooks', '--runbooks', [CompletionResultType]::ParameterName, 'Add the runbooks of this folder (or file) to the embedded ones; one with the name of an embedded runbook replaces it')
            [CompletionResult]::new('--only-runbooks', '--only-runbooks', [CompletionResultType]::ParameterName, 'Use exactly the runbooks of this folder (or file), none of the embedded ones')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile (default: AWS_PROFILE, then [aws] profile in masst.toml)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: AWS_REGION, then the profile, then [aws] region)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send every AWS call to this endpoint (default: AWS_ENDPOINT_URL, then [aws] endpoint_url)')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'The change journal (default: $XDG_STATE_HOME/masst/journal.jsonl)')
            [CompletionResult]::new('--target', '--target', [CompletionResultType]::ParameterName, 'Run against this target of [targets] in masst.toml (repeatable; default: MASST_TARGET, comma-separated). Read-only commands read every target given; changes take one')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Apply without asking (needed when stdin is not a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Apply without asking (needed when stdin is not a terminal)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show the plan and change nothing')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Override the quota guard (for undo: a state that changed since)')
            [CompletionResult]::new('--no-wait', '--no-wait', [CompletionResultType]::ParameterName, 'Return once an AppConfig deployment has started instead of following it')
            [CompletionResult]::new('--verify', '--verify', [CompletionResultType]::ParameterName, 'After the change, watch the runbook that offered it (or those whose outcomes list the action) until the incident recovers; on `worse`, offer `masst undo` on a terminal')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log more (-v: each AWS call with its duration; -vv: debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log more (-v: each AWS call with its duration; -vv: debug)')
            [CompletionResult]::new('--all-targets', '--all-targets', [CompletionResultType]::ParameterName, 'Run against every target of [targets] (read-only commands only)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'masst;batch;schedule' {
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: human text, or one JSON document on stdout')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file (default: ./masst.toml, then $XDG_CONFIG_HOME/masst/masst.toml)')
            [CompletionResult]::new('--runbooks', '--runbooks', [CompletionResultType]::ParameterName, 'Add the runbooks of this folder (or file) to the embedded ones; one with the name of an embedded runbook replaces it')
            [CompletionResult]::new('--only-runbooks', '--only-runbooks', [CompletionResultType]::ParameterName, 'Use exactly the runbooks of this folder (or file), none of the embedded ones')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile (default: AWS_PROFILE, then [aws] profile in masst.toml)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: AWS_REGION, then the profile, then [aws] region)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send every AWS call to this endpoint (default: AWS_ENDPOINT_URL, then [aws] endpoint_url)')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'The change journal (default: $XDG_STATE_HOME/masst/journal.jsonl)')
            [CompletionResult]::new('--target', '--target', [CompletionResultType]::ParameterName, 'Run against this target of [targets] in masst.toml (repeatable; default: MASST_TARGET, comma-separated). Read-only commands read every target given; changes take one')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log more (-v: each AWS call with its duration; -vv: debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log more (-v: each AWS call with its duration; -vv: debug)')
            [CompletionResult]::new('--all-targets', '--all-targets', [CompletionResultType]::ParameterName, 'Run against every target of [targets] (read-only commands only)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show the table (the seed''s, or --file) with the current JST hour marked')
            [CompletionResult]::new('apply', 'apply', [CompletionResultType]::ParameterValue, 'Deploy the table (the seed''s, or --file) as batch.schedule_jst')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'masst;batch;schedule;show' {
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'A JSON or TOML table of hour = slots, or a list of 24 numbers')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: human text, or one JSON document on stdout')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file (default: ./masst.toml, then $XDG_CONFIG_HOME/masst/masst.toml)')
            [CompletionResult]::new('--runbooks', '--runbooks', [CompletionResultType]::ParameterName, 'Add the runbooks of this folder (or file) to the embedded ones; one with the name of an embedded runbook replaces it')
            [CompletionResult]::new('--only-runbooks', '--only-runbooks', [CompletionResultType]::ParameterName, 'Use exactly the runbooks of this folder (or file), none of the embedded ones')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile (default: AWS_PROFILE, then [aws] profile in masst.toml)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: AWS_REGION, then the profile, then [aws] region)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send every AWS call to this endpoint (default: AWS_ENDPOINT_URL, then [aws] endpoint_url)')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'The change journal (default: $XDG_STATE_HOME/masst/journal.jsonl)')
            [CompletionResult]::new('--target', '--target', [CompletionResultType]::ParameterName, 'Run against this target of [targets] in masst.toml (repeatable; default: MASST_TARGET, comma-separated). Read-only commands read every target given; changes take one')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log more (-v: each AWS call with its duration; -vv: debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log more (-v: each AWS call with its duration; -vv: debug)')
            [CompletionResult]::new('--all-targets', '--all-targets', [CompletionResultType]::ParameterName, 'Run against every target of [targets] (read-only commands only)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'masst;batch;schedule;apply' {
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'file')
            [CompletionResult]::new('--diagnosis', '--diagnosis', [CompletionResultType]::ParameterName, 'The diagnosis that offered this action (set by `diagnose --apply`)')
            [CompletionResult]::new('--verify-timeout', '--verify-timeout', [CompletionResultType]::ParameterName, 'With --verify: give up after this long (default: the outcome''s recovery budget)')
            [CompletionResult]::new('--verify-every', '--verify-every', [CompletionResultType]::ParameterName, 'With --verify: read the evidence again this often')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: human text, or one JSON document on stdout')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file (default: ./masst.toml, then $XDG_CONFIG_HOME/masst/masst.toml)')
            [CompletionResult]::new('--runbooks', '--runbooks', [CompletionResultType]::ParameterName, 'Add the runbooks of this folder (or file) to the embedded ones; one with the name of an embedded runbook replaces it')
            [CompletionResult]::new('--only-runbooks', '--only-runbooks', [CompletionResultType]::ParameterName, 'Use exactly the runbooks of this folder (or file), none of the embedded ones')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile (default: AWS_PROFILE, then [aws] profile in masst.toml)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: AWS_REGION, then the profile, then [aws] region)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send every AWS call to this endpoint (default: AWS_ENDPOINT_URL, then [aws] endpoint_url)')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'The change journal (default: $XDG_STATE_HOME/masst/journal.jsonl)')
            [CompletionResult]::new('--target', '--target', [CompletionResultType]::ParameterName, 'Run against this target of [targets] in masst.toml (repeatable; default: MASST_TARGET, comma-separated). Read-only commands read every target given; changes take one')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Apply without asking (needed when stdin is not a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Apply without asking (needed when stdin is not a terminal)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show the plan and change nothing')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Override the quota guard (for undo: a state that changed since)')
            [CompletionResult]::new('--no-wait', '--no-wait', [CompletionResultType]::ParameterName, 'Return once an AppConfig deployment has started instead of following it')
            [CompletionResult]::new('--verify', '--verify', [CompletionResultType]::ParameterName, 'After the change, watch the runbook that offered it (or those whose outcomes list the action) until the incident recovers; on `worse`, offer `masst undo` on a terminal')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log more (-v: each AWS call with its duration; -vv: debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log more (-v: each AWS call with its duration; -vv: debug)')
            [CompletionResult]::new('--all-targets', '--all-targets', [CompletionResultType]::ParameterName, 'Run against every target of [targets] (read-only commands only)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'masst;batch;schedule;help' {
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show the table (the seed''s, or --file) with the current JST hour marked')
            [CompletionResult]::new('apply', 'apply', [CompletionResultType]::ParameterValue, 'Deploy the table (the seed''s, or --file) as batch.schedule_jst')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'masst;batch;schedule;help;show' {
            break
        }
        'masst;batch;schedule;help;apply' {
            break
        }
        'masst;batch;schedule;help;help' {
            break
        }
        'masst;batch;model' {
            [CompletionResult]::new('--diagnosis', '--diagnosis', [CompletionResultType]::ParameterName, 'The diagnosis that offered this action (set by `diagnose --apply`)')
            [CompletionResult]::new('--verify-timeout', '--verify-timeout', [CompletionResultType]::ParameterName, 'With --verify: give up after this long (default: the outcome''s recovery budget)')
            [CompletionResult]::new('--verify-every', '--verify-every', [CompletionResultType]::ParameterName, 'With --verify: read the evidence again this often')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: human text, or one JSON document on stdout')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file (default: ./masst.toml, then $XDG_CONFIG_HOME/masst/masst.toml)')
            [CompletionResult]::new('--runbooks', '--runbooks', [CompletionResultType]::ParameterName, 'Add the runbooks of this folder (or file) to the embedded ones; one with the name of an embedded runbook replaces it')
            [CompletionResult]::new('--only-runbooks', '--only-runbooks', [CompletionResultType]::ParameterName, 'Use exactly the runbooks of this folder (or file), none of the embedded ones')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile (default: AWS_PROFILE, then [aws] profile in masst.toml)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: AWS_REGION, then the profile, then [aws] region)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send every AWS call to this endpoint (default: AWS_ENDPOINT_URL, then [aws] endpoint_url)')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'The change journal (default: $XDG_STATE_HOME/masst/journal.jsonl)')
            [CompletionResult]::new('--target', '--target', [CompletionResultType]::ParameterName, 'Run against this target of [targets] in masst.toml (repeatable; default: MASST_TARGET, comma-separated). Read-only commands read every target given; changes take one')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Apply without asking (needed when stdin is not a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Apply without asking (needed when stdin is not a terminal)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show the plan and change nothing')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Override the quota guard (for undo: a state that changed since)')
            [CompletionResult]::new('--no-wait', '--no-wait', [CompletionResultType]::ParameterName, 'Return once an AppConfig deployment has started instead of following it')
            [CompletionResult]::new('--verify', '--verify', [CompletionResultType]::ParameterName, 'After the change, watch the runbook that offered it (or those whose outcomes list the action) until the incident recovers; on `worse`, offer `masst undo` on a terminal')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log more (-v: each AWS call with its duration; -vv: debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log more (-v: each AWS call with its duration; -vv: debug)')
            [CompletionResult]::new('--all-targets', '--all-targets', [CompletionResultType]::ParameterName, 'Run against every target of [targets] (read-only commands only)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'masst;batch;scale' {
            [CompletionResult]::new('--diagnosis', '--diagnosis', [CompletionResultType]::ParameterName, 'The diagnosis that offered this action (set by `diagnose --apply`)')
            [CompletionResult]::new('--verify-timeout', '--verify-timeout', [CompletionResultType]::ParameterName, 'With --verify: give up after this long (default: the outcome''s recovery budget)')
            [CompletionResult]::new('--verify-every', '--verify-every', [CompletionResultType]::ParameterName, 'With --verify: read the evidence again this often')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: human text, or one JSON document on stdout')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file (default: ./masst.toml, then $XDG_CONFIG_HOME/masst/masst.toml)')
            [CompletionResult]::new('--runbooks', '--runbooks', [CompletionResultType]::ParameterName, 'Add the runbooks of this folder (or file) to the embedded ones; one with the name of an embedded runbook replaces it')
            [CompletionResult]::new('--only-runbooks', '--only-runbooks', [CompletionResultType]::ParameterName, 'Use exactly the runbooks of this folder (or file), none of the embedded ones')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile (default: AWS_PROFILE, then [aws] profile in masst.toml)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: AWS_REGION, then the profile, then [aws] region)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send every AWS call to this endpoint (default: AWS_ENDPOINT_URL, then [aws] endpoint_url)')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'The change journal (default: $XDG_STATE_HOME/masst/journal.jsonl)')
            [CompletionResult]::new('--target', '--target', [CompletionResultType]::ParameterName, 'Run against this target of [targets] in masst.toml (repeatable; default: MASST_TARGET, comma-separated). Read-only commands read every target given; changes take one')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Apply without asking (needed when stdin is not a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Apply without asking (needed when stdin is not a terminal)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show the plan and change nothing')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Override the quota guard (for undo: a state that changed since)')
            [CompletionResult]::new('--no-wait', '--no-wait', [CompletionResultType]::ParameterName, 'Return once an AppConfig deployment has started instead of following it')
            [CompletionResult]::new('--verify', '--verify', [CompletionResultType]::ParameterName, 'After the change, watch the runbook that offered it (or those whose outcomes list the action) until the incident recovers; on `worse`, offer `masst undo` on a terminal')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log more (-v: each AWS call with its duration; -vv: debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log more (-v: each AWS call with its duration; -vv: debug)')
            [CompletionResult]::new('--all-targets', '--all-targets', [CompletionResultType]::ParameterName, 'Run against every target of [targets] (read-only commands only)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'masst;batch;help' {
            [CompletionResult]::new('pause', 'pause', [CompletionResultType]::ParameterValue, 'Pause batch processing')
            [CompletionResult]::new('resume', 'resume', [CompletionResultType]::ParameterValue, 'Resume batch processing')
            [CompletionResult]::new('concurrency', 'concurrency', [CompletionResultType]::ParameterValue, 'Give batch a dedicated pool of N slots of its model (no longer shared with real-time)')
            [CompletionResult]::new('schedule', 'schedule', [CompletionResultType]::ParameterValue, 'The time-of-day batch concurrency table (JST)')
            [CompletionResult]::new('model', 'model', [CompletionResultType]::ParameterValue, 'Switch the batch model (its dedicated pool follows)')
            [CompletionResult]::new('scale', 'scale', [CompletionResultType]::ParameterValue, 'Set the batch-worker ECS desired count')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'masst;batch;help;pause' {
            break
        }
        'masst;batch;help;resume' {
            break
        }
        'masst;batch;help;concurrency' {
            break
        }
        'masst;batch;help;schedule' {
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show the table (the seed''s, or --file) with the current JST hour marked')
            [CompletionResult]::new('apply', 'apply', [CompletionResultType]::ParameterValue, 'Deploy the table (the seed''s, or --file) as batch.schedule_jst')
            break
        }
        'masst;batch;help;schedule;show' {
            break
        }
        'masst;batch;help;schedule;apply' {
            break
        }
        'masst;batch;help;model' {
            break
        }
        'masst;batch;help;scale' {
            break
        }
        'masst;batch;help;help' {
            break
        }
        'masst;producer' {
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: human text, or one JSON document on stdout')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file (default: ./masst.toml, then $XDG_CONFIG_HOME/masst/masst.toml)')
            [CompletionResult]::new('--runbooks', '--runbooks', [CompletionResultType]::ParameterName, 'Add the runbooks of this folder (or file) to the embedded ones; one with the name of an embedded runbook replaces it')
            [CompletionResult]::new('--only-runbooks', '--only-runbooks', [CompletionResultType]::ParameterName, 'Use exactly the runbooks of this folder (or file), none of the embedded ones')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile (default: AWS_PROFILE, then [aws] profile in masst.toml)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: AWS_REGION, then the profile, then [aws] region)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send every AWS call to this endpoint (default: AWS_ENDPOINT_URL, then [aws] endpoint_url)')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'The change journal (default: $XDG_STATE_HOME/masst/journal.jsonl)')
            [CompletionResult]::new('--target', '--target', [CompletionResultType]::ParameterName, 'Run against this target of [targets] in masst.toml (repeatable; default: MASST_TARGET, comma-separated). Read-only commands read every target given; changes take one')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log more (-v: each AWS call with its duration; -vv: debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log more (-v: each AWS call with its duration; -vv: debug)')
            [CompletionResult]::new('--all-targets', '--all-targets', [CompletionResultType]::ParameterName, 'Run against every target of [targets] (read-only commands only)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('pause', 'pause', [CompletionResultType]::ParameterValue, 'Stop the batch producer (ECS desired count 0); the count is saved in the journal')
            [CompletionResult]::new('resume', 'resume', [CompletionResultType]::ParameterValue, 'Restore the count saved by the last `producer pause` (or --count N)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'masst;producer;pause' {
            [CompletionResult]::new('--diagnosis', '--diagnosis', [CompletionResultType]::ParameterName, 'The diagnosis that offered this action (set by `diagnose --apply`)')
            [CompletionResult]::new('--verify-timeout', '--verify-timeout', [CompletionResultType]::ParameterName, 'With --verify: give up after this long (default: the outcome''s recovery budget)')
            [CompletionResult]::new('--verify-every', '--verify-every', [CompletionResultType]::ParameterName, 'With --verify: read the evidence again this often')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: human text, or one JSON document on stdout')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file (default: ./masst.toml, then $XDG_CONFIG_HOME/masst/masst.toml)')
            [CompletionResult]::new('--runbooks', '--runbooks', [CompletionResultType]::ParameterName, 'Add the runbooks of this folder (or file) to the embedded ones; one with the name of an embedded runbook replaces it')
            [CompletionResult]::new('--only-runbooks', '--only-runbooks', [CompletionResultType]::ParameterName, 'Use exactly the runbooks of this folder (or file), none of the embedded ones')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile (default: AWS_PROFILE, then [aws] profile in masst.toml)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: AWS_REGION, then the profile, then [aws] region)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send every AWS call to this endpoint (default: AWS_ENDPOINT_URL, then [aws] endpoint_url)')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'The change journal (default: $XDG_STATE_HOME/masst/journal.jsonl)')
            [CompletionResult]::new('--target', '--target', [CompletionResultType]::ParameterName, 'Run against this target of [targets] in masst.toml (repeatable; default: MASST_TARGET, comma-separated). Read-only commands read every target given; changes take one')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Apply without asking (needed when stdin is not a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Apply without asking (needed when stdin is not a terminal)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show the plan and change nothing')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Override the quota guard (for undo: a state that changed since)')
            [CompletionResult]::new('--no-wait', '--no-wait', [CompletionResultType]::ParameterName, 'Return once an AppConfig deployment has started instead of following it')
            [CompletionResult]::new('--verify', '--verify', [CompletionResultType]::ParameterName, 'After the change, watch the runbook that offered it (or those whose outcomes list the action) until the incident recovers; on `worse`, offer `masst undo` on a terminal')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log more (-v: each AWS call with its duration; -vv: debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log more (-v: each AWS call with its duration; -vv: debug)')
            [CompletionResult]::new('--all-targets', '--all-targets', [CompletionResultType]::ParameterName, 'Run against every target of [targets] (read-only commands only)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'masst;producer;resume' {
            [CompletionResult]::new('--count', '--count', [CompletionResultType]::ParameterName, 'count')
            [CompletionResult]::new('--diagnosis', '--diagnosis', [CompletionResultType]::ParameterName, 'The diagnosis that offered this action (set by `diagnose --apply`)')
            [CompletionResult]::new('--verify-timeout', '--verify-timeout', [CompletionResultType]::ParameterName, 'With --verify: give up after this long (default: the outcome''s recovery budget)')
            [CompletionResult]::new('--verify-every', '--verify-every', [CompletionResultType]::ParameterName, 'With --verify: read the evidence again this often')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: human text, or one JSON document on stdout')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file (default: ./masst.toml, then $XDG_CONFIG_HOME/masst/masst.toml)')
            [CompletionResult]::new('--runbooks', '--runbooks', [CompletionResultType]::ParameterName, 'Add the runbooks of this folder (or file) to the embedded ones; one with the name of an embedded runbook replaces it')
            [CompletionResult]::new('--only-runbooks', '--only-runbooks', [CompletionResultType]::ParameterName, 'Use exactly the runbooks of this folder (or file), none of the embedded ones')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile (default: AWS_PROFILE, then [aws] profile in masst.toml)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: AWS_REGION, then the profile, then [aws] region)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send every AWS call to this endpoint (default: AWS_ENDPOINT_URL, then [aws] endpoint_url)')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'The change journal (default: $XDG_STATE_HOME/masst/journal.jsonl)')
            [CompletionResult]::new('--target', '--target', [CompletionResultType]::ParameterName, 'Run against this target of [targets] in masst.toml (repeatable; default: MASST_TARGET, comma-separated). Read-only commands read every target given; changes take one')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Apply without asking (needed when stdin is not a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Apply without asking (needed when stdin is not a terminal)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show the plan and change nothing')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Override the quota guard (for undo: a state that changed since)')
            [CompletionResult]::new('--no-wait', '--no-wait', [CompletionResultType]::ParameterName, 'Return once an AppConfig deployment has started instead of following it')
            [CompletionResult]::new('--verify', '--verify', [CompletionResultType]::ParameterName, 'After the change, watch the runbook that offered it (or those whose outcomes list the action) until the incident recovers; on `worse`, offer `masst undo` on a terminal')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log more (-v: each AWS call with its duration; -vv: debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log more (-v: each AWS call with its duration; -vv: debug)')
            [CompletionResult]::new('--all-targets', '--all-targets', [CompletionResultType]::ParameterName, 'Run against every target of [targets] (read-only commands only)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'masst;producer;help' {
            [CompletionResult]::new('pause', 'pause', [CompletionResultType]::ParameterValue, 'Stop the batch producer (ECS desired count 0); the count is saved in the journal')
            [CompletionResult]::new('resume', 'resume', [CompletionResultType]::ParameterValue, 'Restore the count saved by the last `producer pause` (or --count N)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'masst;producer;help;pause' {
            break
        }
        'masst;producer;help;resume' {
            break
        }
        'masst;producer;help;help' {
            break
        }
        'masst;queue' {
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: human text, or one JSON document on stdout')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file (default: ./masst.toml, then $XDG_CONFIG_HOME/masst/masst.toml)')
            [CompletionResult]::new('--runbooks', '--runbooks', [CompletionResultType]::ParameterName, 'Add the runbooks of this folder (or file) to the embedded ones; one with the name of an embedded runbook replaces it')
            [CompletionResult]::new('--only-runbooks', '--only-runbooks', [CompletionResultType]::ParameterName, 'Use exactly the runbooks of this folder (or file), none of the embedded ones')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile (default: AWS_PROFILE, then [aws] profile in masst.toml)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: AWS_REGION, then the profile, then [aws] region)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send every AWS call to this endpoint (default: AWS_ENDPOINT_URL, then [aws] endpoint_url)')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'The change journal (default: $XDG_STATE_HOME/masst/journal.jsonl)')
            [CompletionResult]::new('--target', '--target', [CompletionResultType]::ParameterName, 'Run against this target of [targets] in masst.toml (repeatable; default: MASST_TARGET, comma-separated). Read-only commands read every target given; changes take one')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log more (-v: each AWS call with its duration; -vv: debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log more (-v: each AWS call with its duration; -vv: debug)')
            [CompletionResult]::new('--all-targets', '--all-targets', [CompletionResultType]::ParameterName, 'Run against every target of [targets] (read-only commands only)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('fix', 'fix', [CompletionResultType]::ParameterValue, 'Set VisibilityTimeout and maxReceiveCount on the primary queue, keeping its DLQ')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'masst;queue;fix' {
            [CompletionResult]::new('--visibility-timeout', '--visibility-timeout', [CompletionResultType]::ParameterName, 'Seconds (0 to 43200, SQS''s range)')
            [CompletionResult]::new('--max-receive-count', '--max-receive-count', [CompletionResultType]::ParameterName, 'Receives before the DLQ (1 to 1000, SQS''s range)')
            [CompletionResult]::new('--diagnosis', '--diagnosis', [CompletionResultType]::ParameterName, 'The diagnosis that offered this action (set by `diagnose --apply`)')
            [CompletionResult]::new('--verify-timeout', '--verify-timeout', [CompletionResultType]::ParameterName, 'With --verify: give up after this long (default: the outcome''s recovery budget)')
            [CompletionResult]::new('--verify-every', '--verify-every', [CompletionResultType]::ParameterName, 'With --verify: read the evidence again this often')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: human text, or one JSON document on stdout')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file (default: ./masst.toml, then $XDG_CONFIG_HOME/masst/masst.toml)')
            [CompletionResult]::new('--runbooks', '--runbooks', [CompletionResultType]::ParameterName, 'Add the runbooks of this folder (or file) to the embedded ones; one with the name of an embedded runbook replaces it')
            [CompletionResult]::new('--only-runbooks', '--only-runbooks', [CompletionResultType]::ParameterName, 'Use exactly the runbooks of this folder (or file), none of the embedded ones')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile (default: AWS_PROFILE, then [aws] profile in masst.toml)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: AWS_REGION, then the profile, then [aws] region)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send every AWS call to this endpoint (default: AWS_ENDPOINT_URL, then [aws] endpoint_url)')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'The change journal (default: $XDG_STATE_HOME/masst/journal.jsonl)')
            [CompletionResult]::new('--target', '--target', [CompletionResultType]::ParameterName, 'Run against this target of [targets] in masst.toml (repeatable; default: MASST_TARGET, comma-separated). Read-only commands read every target given; changes take one')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Apply without asking (needed when stdin is not a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Apply without asking (needed when stdin is not a terminal)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show the plan and change nothing')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Override the quota guard (for undo: a state that changed since)')
            [CompletionResult]::new('--no-wait', '--no-wait', [CompletionResultType]::ParameterName, 'Return once an AppConfig deployment has started instead of following it')
            [CompletionResult]::new('--verify', '--verify', [CompletionResultType]::ParameterName, 'After the change, watch the runbook that offered it (or those whose outcomes list the action) until the incident recovers; on `worse`, offer `masst undo` on a terminal')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log more (-v: each AWS call with its duration; -vv: debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log more (-v: each AWS call with its duration; -vv: debug)')
            [CompletionResult]::new('--all-targets', '--all-targets', [CompletionResultType]::ParameterName, 'Run against every target of [targets] (read-only commands only)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'masst;queue;help' {
            [CompletionResult]::new('fix', 'fix', [CompletionResultType]::ParameterValue, 'Set VisibilityTimeout and maxReceiveCount on the primary queue, keeping its DLQ')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'masst;queue;help;fix' {
            break
        }
        'masst;queue;help;help' {
            break
        }
        'masst;alarms' {
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: human text, or one JSON document on stdout')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file (default: ./masst.toml, then $XDG_CONFIG_HOME/masst/masst.toml)')
            [CompletionResult]::new('--runbooks', '--runbooks', [CompletionResultType]::ParameterName, 'Add the runbooks of this folder (or file) to the embedded ones; one with the name of an embedded runbook replaces it')
            [CompletionResult]::new('--only-runbooks', '--only-runbooks', [CompletionResultType]::ParameterName, 'Use exactly the runbooks of this folder (or file), none of the embedded ones')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile (default: AWS_PROFILE, then [aws] profile in masst.toml)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: AWS_REGION, then the profile, then [aws] region)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send every AWS call to this endpoint (default: AWS_ENDPOINT_URL, then [aws] endpoint_url)')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'The change journal (default: $XDG_STATE_HOME/masst/journal.jsonl)')
            [CompletionResult]::new('--target', '--target', [CompletionResultType]::ParameterName, 'Run against this target of [targets] in masst.toml (repeatable; default: MASST_TARGET, comma-separated). Read-only commands read every target given; changes take one')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log more (-v: each AWS call with its duration; -vv: debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log more (-v: each AWS call with its duration; -vv: debug)')
            [CompletionResult]::new('--all-targets', '--all-targets', [CompletionResultType]::ParameterName, 'Run against every target of [targets] (read-only commands only)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('install', 'install', [CompletionResultType]::ParameterValue, 'Create (or bring back in line) the seed''s alarms: ThrottleRate, DegradationRate, circuit OPEN per model, batch QueueDepth and QueueAge, DLQ depth')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'masst;alarms;install' {
            [CompletionResult]::new('--sns-topic', '--sns-topic', [CompletionResultType]::ParameterName, 'Notify this SNS topic when an alarm fires')
            [CompletionResult]::new('--diagnosis', '--diagnosis', [CompletionResultType]::ParameterName, 'The diagnosis that offered this action (set by `diagnose --apply`)')
            [CompletionResult]::new('--verify-timeout', '--verify-timeout', [CompletionResultType]::ParameterName, 'With --verify: give up after this long (default: the outcome''s recovery budget)')
            [CompletionResult]::new('--verify-every', '--verify-every', [CompletionResultType]::ParameterName, 'With --verify: read the evidence again this often')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: human text, or one JSON document on stdout')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file (default: ./masst.toml, then $XDG_CONFIG_HOME/masst/masst.toml)')
            [CompletionResult]::new('--runbooks', '--runbooks', [CompletionResultType]::ParameterName, 'Add the runbooks of this folder (or file) to the embedded ones; one with the name of an embedded runbook replaces it')
            [CompletionResult]::new('--only-runbooks', '--only-runbooks', [CompletionResultType]::ParameterName, 'Use exactly the runbooks of this folder (or file), none of the embedded ones')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile (default: AWS_PROFILE, then [aws] profile in masst.toml)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: AWS_REGION, then the profile, then [aws] region)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send every AWS call to this endpoint (default: AWS_ENDPOINT_URL, then [aws] endpoint_url)')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'The change journal (default: $XDG_STATE_HOME/masst/journal.jsonl)')
            [CompletionResult]::new('--target', '--target', [CompletionResultType]::ParameterName, 'Run against this target of [targets] in masst.toml (repeatable; default: MASST_TARGET, comma-separated). Read-only commands read every target given; changes take one')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Apply without asking (needed when stdin is not a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Apply without asking (needed when stdin is not a terminal)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show the plan and change nothing')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Override the quota guard (for undo: a state that changed since)')
            [CompletionResult]::new('--no-wait', '--no-wait', [CompletionResultType]::ParameterName, 'Return once an AppConfig deployment has started instead of following it')
            [CompletionResult]::new('--verify', '--verify', [CompletionResultType]::ParameterName, 'After the change, watch the runbook that offered it (or those whose outcomes list the action) until the incident recovers; on `worse`, offer `masst undo` on a terminal')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log more (-v: each AWS call with its duration; -vv: debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log more (-v: each AWS call with its duration; -vv: debug)')
            [CompletionResult]::new('--all-targets', '--all-targets', [CompletionResultType]::ParameterName, 'Run against every target of [targets] (read-only commands only)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'masst;alarms;help' {
            [CompletionResult]::new('install', 'install', [CompletionResultType]::ParameterValue, 'Create (or bring back in line) the seed''s alarms: ThrottleRate, DegradationRate, circuit OPEN per model, batch QueueDepth and QueueAge, DLQ depth')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'masst;alarms;help;install' {
            break
        }
        'masst;alarms;help;help' {
            break
        }
        'masst;quota' {
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: human text, or one JSON document on stdout')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file (default: ./masst.toml, then $XDG_CONFIG_HOME/masst/masst.toml)')
            [CompletionResult]::new('--runbooks', '--runbooks', [CompletionResultType]::ParameterName, 'Add the runbooks of this folder (or file) to the embedded ones; one with the name of an embedded runbook replaces it')
            [CompletionResult]::new('--only-runbooks', '--only-runbooks', [CompletionResultType]::ParameterName, 'Use exactly the runbooks of this folder (or file), none of the embedded ones')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile (default: AWS_PROFILE, then [aws] profile in masst.toml)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: AWS_REGION, then the profile, then [aws] region)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send every AWS call to this endpoint (default: AWS_ENDPOINT_URL, then [aws] endpoint_url)')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'The change journal (default: $XDG_STATE_HOME/masst/journal.jsonl)')
            [CompletionResult]::new('--target', '--target', [CompletionResultType]::ParameterName, 'Run against this target of [targets] in masst.toml (repeatable; default: MASST_TARGET, comma-separated). Read-only commands read every target given; changes take one')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log more (-v: each AWS call with its duration; -vv: debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log more (-v: each AWS call with its duration; -vv: debug)')
            [CompletionResult]::new('--all-targets', '--all-targets', [CompletionResultType]::ParameterName, 'Run against every target of [targets] (read-only commands only)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('sync', 'sync', [CompletionResultType]::ParameterValue, 'Copy each model''s applied Service Quotas value (quota codes in `[quotas]` of masst.toml) into `account_quota` (journaled; `masst undo` reverses it)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'masst;quota;sync' {
            [CompletionResult]::new('--diagnosis', '--diagnosis', [CompletionResultType]::ParameterName, 'The diagnosis that offered this action (set by `diagnose --apply`)')
            [CompletionResult]::new('--verify-timeout', '--verify-timeout', [CompletionResultType]::ParameterName, 'With --verify: give up after this long (default: the outcome''s recovery budget)')
            [CompletionResult]::new('--verify-every', '--verify-every', [CompletionResultType]::ParameterName, 'With --verify: read the evidence again this often')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: human text, or one JSON document on stdout')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file (default: ./masst.toml, then $XDG_CONFIG_HOME/masst/masst.toml)')
            [CompletionResult]::new('--runbooks', '--runbooks', [CompletionResultType]::ParameterName, 'Add the runbooks of this folder (or file) to the embedded ones; one with the name of an embedded runbook replaces it')
            [CompletionResult]::new('--only-runbooks', '--only-runbooks', [CompletionResultType]::ParameterName, 'Use exactly the runbooks of this folder (or file), none of the embedded ones')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile (default: AWS_PROFILE, then [aws] profile in masst.toml)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: AWS_REGION, then the profile, then [aws] region)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send every AWS call to this endpoint (default: AWS_ENDPOINT_URL, then [aws] endpoint_url)')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'The change journal (default: $XDG_STATE_HOME/masst/journal.jsonl)')
            [CompletionResult]::new('--target', '--target', [CompletionResultType]::ParameterName, 'Run against this target of [targets] in masst.toml (repeatable; default: MASST_TARGET, comma-separated). Read-only commands read every target given; changes take one')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Apply without asking (needed when stdin is not a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Apply without asking (needed when stdin is not a terminal)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show the plan and change nothing')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Override the quota guard (for undo: a state that changed since)')
            [CompletionResult]::new('--no-wait', '--no-wait', [CompletionResultType]::ParameterName, 'Return once an AppConfig deployment has started instead of following it')
            [CompletionResult]::new('--verify', '--verify', [CompletionResultType]::ParameterName, 'After the change, watch the runbook that offered it (or those whose outcomes list the action) until the incident recovers; on `worse`, offer `masst undo` on a terminal')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log more (-v: each AWS call with its duration; -vv: debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log more (-v: each AWS call with its duration; -vv: debug)')
            [CompletionResult]::new('--all-targets', '--all-targets', [CompletionResultType]::ParameterName, 'Run against every target of [targets] (read-only commands only)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'masst;quota;help' {
            [CompletionResult]::new('sync', 'sync', [CompletionResultType]::ParameterValue, 'Copy each model''s applied Service Quotas value (quota codes in `[quotas]` of masst.toml) into `account_quota` (journaled; `masst undo` reverses it)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'masst;quota;help;sync' {
            break
        }
        'masst;quota;help;help' {
            break
        }
        'masst;audit' {
            [CompletionResult]::new('--check', '--check', [CompletionResultType]::ParameterName, 'Run only these checks (contract §8 ids). Repeatable')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Exit 1 when a failing or unknown check is at least this severe')
            [CompletionResult]::new('--audits', '--audits', [CompletionResultType]::ParameterName, 'More audit files: every *.toml of this folder, added to the embedded checks')
            [CompletionResult]::new('--scenario', '--scenario', [CompletionResultType]::ParameterName, 'Use an embedded scenario instead of live AWS')
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'Use a snapshot file')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: human text, or one JSON document on stdout; `audit` and `diagnose` also write SARIF 2.1.0 or JUnit XML for CI')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file (default: ./masst.toml, then $XDG_CONFIG_HOME/masst/masst.toml)')
            [CompletionResult]::new('--runbooks', '--runbooks', [CompletionResultType]::ParameterName, 'Add the runbooks of this folder (or file) to the embedded ones; one with the name of an embedded runbook replaces it')
            [CompletionResult]::new('--only-runbooks', '--only-runbooks', [CompletionResultType]::ParameterName, 'Use exactly the runbooks of this folder (or file), none of the embedded ones')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile (default: AWS_PROFILE, then [aws] profile in masst.toml)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: AWS_REGION, then the profile, then [aws] region)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send every AWS call to this endpoint (default: AWS_ENDPOINT_URL, then [aws] endpoint_url)')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'The change journal (default: $XDG_STATE_HOME/masst/journal.jsonl)')
            [CompletionResult]::new('--target', '--target', [CompletionResultType]::ParameterName, 'Run against this target of [targets] in masst.toml (repeatable; default: MASST_TARGET, comma-separated). Read-only commands read every target given; changes take one')
            [CompletionResult]::new('--fix', '--fix', [CompletionResultType]::ParameterName, 'Offer each failing check''s fix in turn (preview, confirmation, journal), then check again')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'With --fix: do not ask')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'With --fix: do not ask')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'With --fix: show each fix''s change and apply none (contract §7)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log more (-v: each AWS call with its duration; -vv: debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log more (-v: each AWS call with its duration; -vv: debug)')
            [CompletionResult]::new('--all-targets', '--all-targets', [CompletionResultType]::ParameterName, 'Run against every target of [targets] (read-only commands only)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'masst;dlq' {
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: human text, or one JSON document on stdout')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file (default: ./masst.toml, then $XDG_CONFIG_HOME/masst/masst.toml)')
            [CompletionResult]::new('--runbooks', '--runbooks', [CompletionResultType]::ParameterName, 'Add the runbooks of this folder (or file) to the embedded ones; one with the name of an embedded runbook replaces it')
            [CompletionResult]::new('--only-runbooks', '--only-runbooks', [CompletionResultType]::ParameterName, 'Use exactly the runbooks of this folder (or file), none of the embedded ones')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile (default: AWS_PROFILE, then [aws] profile in masst.toml)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: AWS_REGION, then the profile, then [aws] region)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send every AWS call to this endpoint (default: AWS_ENDPOINT_URL, then [aws] endpoint_url)')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'The change journal (default: $XDG_STATE_HOME/masst/journal.jsonl)')
            [CompletionResult]::new('--target', '--target', [CompletionResultType]::ParameterName, 'Run against this target of [targets] in masst.toml (repeatable; default: MASST_TARGET, comma-separated). Read-only commands read every target given; changes take one')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log more (-v: each AWS call with its duration; -vv: debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log more (-v: each AWS call with its duration; -vv: debug)')
            [CompletionResult]::new('--all-targets', '--all-targets', [CompletionResultType]::ParameterName, 'Run against every target of [targets] (read-only commands only)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('inspect', 'inspect', [CompletionResultType]::ParameterValue, 'Show what the DLQ holds without consuming it: error types, retryable or not, formats, ages, receive counts; `--show N` prints example bodies')
            [CompletionResult]::new('redrive', 'redrive', [CompletionResultType]::ParameterValue, 'Move DLQ messages back to their source queue: job body with _retry_count reset, message attributes kept (but error_type), each DLQ copy deleted only after SQS confirmed the send')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'masst;dlq;inspect' {
            [CompletionResult]::new('--sample', '--sample', [CompletionResultType]::ParameterName, 'Read at most N messages instead of the whole DLQ')
            [CompletionResult]::new('--show', '--show', [CompletionResultType]::ParameterName, 'Print N example bodies (truncated; binary bodies are described)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: human text, or one JSON document on stdout')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file (default: ./masst.toml, then $XDG_CONFIG_HOME/masst/masst.toml)')
            [CompletionResult]::new('--runbooks', '--runbooks', [CompletionResultType]::ParameterName, 'Add the runbooks of this folder (or file) to the embedded ones; one with the name of an embedded runbook replaces it')
            [CompletionResult]::new('--only-runbooks', '--only-runbooks', [CompletionResultType]::ParameterName, 'Use exactly the runbooks of this folder (or file), none of the embedded ones')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile (default: AWS_PROFILE, then [aws] profile in masst.toml)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: AWS_REGION, then the profile, then [aws] region)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send every AWS call to this endpoint (default: AWS_ENDPOINT_URL, then [aws] endpoint_url)')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'The change journal (default: $XDG_STATE_HOME/masst/journal.jsonl)')
            [CompletionResult]::new('--target', '--target', [CompletionResultType]::ParameterName, 'Run against this target of [targets] in masst.toml (repeatable; default: MASST_TARGET, comma-separated). Read-only commands read every target given; changes take one')
            [CompletionResult]::new('--publish', '--publish', [CompletionResultType]::ParameterName, 'Publish the composition as MangaAssist/DLQ metrics Retryable, NonRetryable and Unknown (the seed''s "DLQ composition monitoring"; `alarms install` alarms on Retryable > 0)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log more (-v: each AWS call with its duration; -vv: debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log more (-v: each AWS call with its duration; -vv: debug)')
            [CompletionResult]::new('--all-targets', '--all-targets', [CompletionResultType]::ParameterName, 'Run against every target of [targets] (read-only commands only)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'masst;dlq;redrive' {
            [CompletionResult]::new('--error-type', '--error-type', [CompletionResultType]::ParameterName, 'Move messages of this error type, even a non-retryable one. Repeatable')
            [CompletionResult]::new('--max', '--max', [CompletionResultType]::ParameterName, 'Move exactly min(N, selected) messages (1 to 1,000,000,000)')
            [CompletionResult]::new('--rate', '--rate', [CompletionResultType]::ParameterName, 'At most this many messages a second (1 to 100,000)')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'Batches in flight at once (1 to 64)')
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'The destination queue (default: the queue whose RedrivePolicy names the DLQ)')
            [CompletionResult]::new('--visibility-timeout', '--visibility-timeout', [CompletionResultType]::ParameterName, 'Seconds a batch stays hidden in the DLQ while it is copied and deleted (1 to 43,200)')
            [CompletionResult]::new('--diagnosis', '--diagnosis', [CompletionResultType]::ParameterName, 'The diagnosis that offered this action (set by `diagnose --apply`)')
            [CompletionResult]::new('--verify-timeout', '--verify-timeout', [CompletionResultType]::ParameterName, 'With --verify: give up after this long (default: the outcome''s recovery budget)')
            [CompletionResult]::new('--verify-every', '--verify-every', [CompletionResultType]::ParameterName, 'With --verify: read the evidence again this often')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: human text, or one JSON document on stdout')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file (default: ./masst.toml, then $XDG_CONFIG_HOME/masst/masst.toml)')
            [CompletionResult]::new('--runbooks', '--runbooks', [CompletionResultType]::ParameterName, 'Add the runbooks of this folder (or file) to the embedded ones; one with the name of an embedded runbook replaces it')
            [CompletionResult]::new('--only-runbooks', '--only-runbooks', [CompletionResultType]::ParameterName, 'Use exactly the runbooks of this folder (or file), none of the embedded ones')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile (default: AWS_PROFILE, then [aws] profile in masst.toml)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: AWS_REGION, then the profile, then [aws] region)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send every AWS call to this endpoint (default: AWS_ENDPOINT_URL, then [aws] endpoint_url)')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'The change journal (default: $XDG_STATE_HOME/masst/journal.jsonl)')
            [CompletionResult]::new('--target', '--target', [CompletionResultType]::ParameterName, 'Run against this target of [targets] in masst.toml (repeatable; default: MASST_TARGET, comma-separated). Read-only commands read every target given; changes take one')
            [CompletionResult]::new('--retryable-only', '--retryable-only', [CompletionResultType]::ParameterName, 'Move messages whose error type is retryable (the default selection)')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Move every message that carries a job body, whatever its error type')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Apply without asking (needed when stdin is not a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Apply without asking (needed when stdin is not a terminal)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show the plan and change nothing')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Override the quota guard (for undo: a state that changed since)')
            [CompletionResult]::new('--no-wait', '--no-wait', [CompletionResultType]::ParameterName, 'Return once an AppConfig deployment has started instead of following it')
            [CompletionResult]::new('--verify', '--verify', [CompletionResultType]::ParameterName, 'After the change, watch the runbook that offered it (or those whose outcomes list the action) until the incident recovers; on `worse`, offer `masst undo` on a terminal')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log more (-v: each AWS call with its duration; -vv: debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log more (-v: each AWS call with its duration; -vv: debug)')
            [CompletionResult]::new('--all-targets', '--all-targets', [CompletionResultType]::ParameterName, 'Run against every target of [targets] (read-only commands only)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'masst;dlq;help' {
            [CompletionResult]::new('inspect', 'inspect', [CompletionResultType]::ParameterValue, 'Show what the DLQ holds without consuming it: error types, retryable or not, formats, ages, receive counts; `--show N` prints example bodies')
            [CompletionResult]::new('redrive', 'redrive', [CompletionResultType]::ParameterValue, 'Move DLQ messages back to their source queue: job body with _retry_count reset, message attributes kept (but error_type), each DLQ copy deleted only after SQS confirmed the send')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'masst;dlq;help;inspect' {
            break
        }
        'masst;dlq;help;redrive' {
            break
        }
        'masst;dlq;help;help' {
            break
        }
        'masst;journal' {
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: human text, or one JSON document on stdout')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file (default: ./masst.toml, then $XDG_CONFIG_HOME/masst/masst.toml)')
            [CompletionResult]::new('--runbooks', '--runbooks', [CompletionResultType]::ParameterName, 'Add the runbooks of this folder (or file) to the embedded ones; one with the name of an embedded runbook replaces it')
            [CompletionResult]::new('--only-runbooks', '--only-runbooks', [CompletionResultType]::ParameterName, 'Use exactly the runbooks of this folder (or file), none of the embedded ones')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile (default: AWS_PROFILE, then [aws] profile in masst.toml)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: AWS_REGION, then the profile, then [aws] region)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send every AWS call to this endpoint (default: AWS_ENDPOINT_URL, then [aws] endpoint_url)')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'The change journal (default: $XDG_STATE_HOME/masst/journal.jsonl)')
            [CompletionResult]::new('--target', '--target', [CompletionResultType]::ParameterName, 'Run against this target of [targets] in masst.toml (repeatable; default: MASST_TARGET, comma-separated). Read-only commands read every target given; changes take one')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log more (-v: each AWS call with its duration; -vv: debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log more (-v: each AWS call with its duration; -vv: debug)')
            [CompletionResult]::new('--all-targets', '--all-targets', [CompletionResultType]::ParameterName, 'Run against every target of [targets] (read-only commands only)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'masst;undo' {
            [CompletionResult]::new('--diagnosis', '--diagnosis', [CompletionResultType]::ParameterName, 'The diagnosis that offered this action (set by `diagnose --apply`)')
            [CompletionResult]::new('--verify-timeout', '--verify-timeout', [CompletionResultType]::ParameterName, 'With --verify: give up after this long (default: the outcome''s recovery budget)')
            [CompletionResult]::new('--verify-every', '--verify-every', [CompletionResultType]::ParameterName, 'With --verify: read the evidence again this often')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: human text, or one JSON document on stdout')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file (default: ./masst.toml, then $XDG_CONFIG_HOME/masst/masst.toml)')
            [CompletionResult]::new('--runbooks', '--runbooks', [CompletionResultType]::ParameterName, 'Add the runbooks of this folder (or file) to the embedded ones; one with the name of an embedded runbook replaces it')
            [CompletionResult]::new('--only-runbooks', '--only-runbooks', [CompletionResultType]::ParameterName, 'Use exactly the runbooks of this folder (or file), none of the embedded ones')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile (default: AWS_PROFILE, then [aws] profile in masst.toml)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: AWS_REGION, then the profile, then [aws] region)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send every AWS call to this endpoint (default: AWS_ENDPOINT_URL, then [aws] endpoint_url)')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'The change journal (default: $XDG_STATE_HOME/masst/journal.jsonl)')
            [CompletionResult]::new('--target', '--target', [CompletionResultType]::ParameterName, 'Run against this target of [targets] in masst.toml (repeatable; default: MASST_TARGET, comma-separated). Read-only commands read every target given; changes take one')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Apply without asking (needed when stdin is not a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Apply without asking (needed when stdin is not a terminal)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show the plan and change nothing')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Override the quota guard (for undo: a state that changed since)')
            [CompletionResult]::new('--no-wait', '--no-wait', [CompletionResultType]::ParameterName, 'Return once an AppConfig deployment has started instead of following it')
            [CompletionResult]::new('--verify', '--verify', [CompletionResultType]::ParameterName, 'After the change, watch the runbook that offered it (or those whose outcomes list the action) until the incident recovers; on `worse`, offer `masst undo` on a terminal')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log more (-v: each AWS call with its duration; -vv: debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log more (-v: each AWS call with its duration; -vv: debug)')
            [CompletionResult]::new('--all-targets', '--all-targets', [CompletionResultType]::ParameterName, 'Run against every target of [targets] (read-only commands only)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'masst;runbook' {
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: human text, or one JSON document on stdout')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file (default: ./masst.toml, then $XDG_CONFIG_HOME/masst/masst.toml)')
            [CompletionResult]::new('--runbooks', '--runbooks', [CompletionResultType]::ParameterName, 'Add the runbooks of this folder (or file) to the embedded ones; one with the name of an embedded runbook replaces it')
            [CompletionResult]::new('--only-runbooks', '--only-runbooks', [CompletionResultType]::ParameterName, 'Use exactly the runbooks of this folder (or file), none of the embedded ones')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile (default: AWS_PROFILE, then [aws] profile in masst.toml)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: AWS_REGION, then the profile, then [aws] region)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send every AWS call to this endpoint (default: AWS_ENDPOINT_URL, then [aws] endpoint_url)')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'The change journal (default: $XDG_STATE_HOME/masst/journal.jsonl)')
            [CompletionResult]::new('--target', '--target', [CompletionResultType]::ParameterName, 'Run against this target of [targets] in masst.toml (repeatable; default: MASST_TARGET, comma-separated). Read-only commands read every target given; changes take one')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log more (-v: each AWS call with its duration; -vv: debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log more (-v: each AWS call with its duration; -vv: debug)')
            [CompletionResult]::new('--all-targets', '--all-targets', [CompletionResultType]::ParameterName, 'Run against every target of [targets] (read-only commands only)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the loaded runbooks')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show a runbook''s tree, or print it as a Mermaid flowchart')
            [CompletionResult]::new('validate', 'validate', [CompletionResultType]::ParameterValue, 'Check a runbook file or a folder of them; exit 2 with the fix on the first error')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'masst;runbook;list' {
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: human text, or one JSON document on stdout')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file (default: ./masst.toml, then $XDG_CONFIG_HOME/masst/masst.toml)')
            [CompletionResult]::new('--runbooks', '--runbooks', [CompletionResultType]::ParameterName, 'Add the runbooks of this folder (or file) to the embedded ones; one with the name of an embedded runbook replaces it')
            [CompletionResult]::new('--only-runbooks', '--only-runbooks', [CompletionResultType]::ParameterName, 'Use exactly the runbooks of this folder (or file), none of the embedded ones')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile (default: AWS_PROFILE, then [aws] profile in masst.toml)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: AWS_REGION, then the profile, then [aws] region)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send every AWS call to this endpoint (default: AWS_ENDPOINT_URL, then [aws] endpoint_url)')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'The change journal (default: $XDG_STATE_HOME/masst/journal.jsonl)')
            [CompletionResult]::new('--target', '--target', [CompletionResultType]::ParameterName, 'Run against this target of [targets] in masst.toml (repeatable; default: MASST_TARGET, comma-separated). Read-only commands read every target given; changes take one')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log more (-v: each AWS call with its duration; -vv: debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log more (-v: each AWS call with its duration; -vv: debug)')
            [CompletionResult]::new('--all-targets', '--all-targets', [CompletionResultType]::ParameterName, 'Run against every target of [targets] (read-only commands only)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'masst;runbook;show' {
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: human text, or one JSON document on stdout')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file (default: ./masst.toml, then $XDG_CONFIG_HOME/masst/masst.toml)')
            [CompletionResult]::new('--runbooks', '--runbooks', [CompletionResultType]::ParameterName, 'Add the runbooks of this folder (or file) to the embedded ones; one with the name of an embedded runbook replaces it')
            [CompletionResult]::new('--only-runbooks', '--only-runbooks', [CompletionResultType]::ParameterName, 'Use exactly the runbooks of this folder (or file), none of the embedded ones')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile (default: AWS_PROFILE, then [aws] profile in masst.toml)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: AWS_REGION, then the profile, then [aws] region)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send every AWS call to this endpoint (default: AWS_ENDPOINT_URL, then [aws] endpoint_url)')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'The change journal (default: $XDG_STATE_HOME/masst/journal.jsonl)')
            [CompletionResult]::new('--target', '--target', [CompletionResultType]::ParameterName, 'Run against this target of [targets] in masst.toml (repeatable; default: MASST_TARGET, comma-separated). Read-only commands read every target given; changes take one')
            [CompletionResult]::new('--mermaid', '--mermaid', [CompletionResultType]::ParameterName, 'Print a Mermaid flowchart instead (like the seed''s)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log more (-v: each AWS call with its duration; -vv: debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log more (-v: each AWS call with its duration; -vv: debug)')
            [CompletionResult]::new('--all-targets', '--all-targets', [CompletionResultType]::ParameterName, 'Run against every target of [targets] (read-only commands only)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'masst;runbook;validate' {
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: human text, or one JSON document on stdout')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file (default: ./masst.toml, then $XDG_CONFIG_HOME/masst/masst.toml)')
            [CompletionResult]::new('--runbooks', '--runbooks', [CompletionResultType]::ParameterName, 'Add the runbooks of this folder (or file) to the embedded ones; one with the name of an embedded runbook replaces it')
            [CompletionResult]::new('--only-runbooks', '--only-runbooks', [CompletionResultType]::ParameterName, 'Use exactly the runbooks of this folder (or file), none of the embedded ones')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile (default: AWS_PROFILE, then [aws] profile in masst.toml)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: AWS_REGION, then the profile, then [aws] region)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send every AWS call to this endpoint (default: AWS_ENDPOINT_URL, then [aws] endpoint_url)')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'The change journal (default: $XDG_STATE_HOME/masst/journal.jsonl)')
            [CompletionResult]::new('--target', '--target', [CompletionResultType]::ParameterName, 'Run against this target of [targets] in masst.toml (repeatable; default: MASST_TARGET, comma-separated). Read-only commands read every target given; changes take one')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log more (-v: each AWS call with its duration; -vv: debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log more (-v: each AWS call with its duration; -vv: debug)')
            [CompletionResult]::new('--all-targets', '--all-targets', [CompletionResultType]::ParameterName, 'Run against every target of [targets] (read-only commands only)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'masst;runbook;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the loaded runbooks')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show a runbook''s tree, or print it as a Mermaid flowchart')
            [CompletionResult]::new('validate', 'validate', [CompletionResultType]::ParameterValue, 'Check a runbook file or a folder of them; exit 2 with the fix on the first error')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'masst;runbook;help;list' {
            break
        }
        'masst;runbook;help;show' {
            break
        }
        'masst;runbook;help;validate' {
            break
        }
        'masst;runbook;help;help' {
            break
        }
        'masst;iam-policy' {
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: human text, or one JSON document on stdout')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file (default: ./masst.toml, then $XDG_CONFIG_HOME/masst/masst.toml)')
            [CompletionResult]::new('--runbooks', '--runbooks', [CompletionResultType]::ParameterName, 'Add the runbooks of this folder (or file) to the embedded ones; one with the name of an embedded runbook replaces it')
            [CompletionResult]::new('--only-runbooks', '--only-runbooks', [CompletionResultType]::ParameterName, 'Use exactly the runbooks of this folder (or file), none of the embedded ones')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile (default: AWS_PROFILE, then [aws] profile in masst.toml)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: AWS_REGION, then the profile, then [aws] region)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send every AWS call to this endpoint (default: AWS_ENDPOINT_URL, then [aws] endpoint_url)')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'The change journal (default: $XDG_STATE_HOME/masst/journal.jsonl)')
            [CompletionResult]::new('--target', '--target', [CompletionResultType]::ParameterName, 'Run against this target of [targets] in masst.toml (repeatable; default: MASST_TARGET, comma-separated). Read-only commands read every target given; changes take one')
            [CompletionResult]::new('--read-only', '--read-only', [CompletionResultType]::ParameterName, 'Only what diagnosis needs (diagnose, status, audit, verify, watch, snapshot, report, dlq inspect): the policy of the read-only role each account creates for masst')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log more (-v: each AWS call with its duration; -vv: debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log more (-v: each AWS call with its duration; -vv: debug)')
            [CompletionResult]::new('--all-targets', '--all-targets', [CompletionResultType]::ParameterName, 'Run against every target of [targets] (read-only commands only)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'masst;mcp' {
            [CompletionResult]::new('--deadline', '--deadline', [CompletionResultType]::ParameterName, 'Give each tool call this long before answering with an error, e.g. `2m`')
            [CompletionResult]::new('--window', '--window', [CompletionResultType]::ParameterName, 'How much metric history `diagnose` and `status` read, e.g. `60m`, `2h`')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: human text, or one JSON document on stdout')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file (default: ./masst.toml, then $XDG_CONFIG_HOME/masst/masst.toml)')
            [CompletionResult]::new('--runbooks', '--runbooks', [CompletionResultType]::ParameterName, 'Add the runbooks of this folder (or file) to the embedded ones; one with the name of an embedded runbook replaces it')
            [CompletionResult]::new('--only-runbooks', '--only-runbooks', [CompletionResultType]::ParameterName, 'Use exactly the runbooks of this folder (or file), none of the embedded ones')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile (default: AWS_PROFILE, then [aws] profile in masst.toml)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: AWS_REGION, then the profile, then [aws] region)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send every AWS call to this endpoint (default: AWS_ENDPOINT_URL, then [aws] endpoint_url)')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'The change journal (default: $XDG_STATE_HOME/masst/journal.jsonl)')
            [CompletionResult]::new('--target', '--target', [CompletionResultType]::ParameterName, 'Run against this target of [targets] in masst.toml (repeatable; default: MASST_TARGET, comma-separated). Read-only commands read every target given; changes take one')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log more (-v: each AWS call with its duration; -vv: debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log more (-v: each AWS call with its duration; -vv: debug)')
            [CompletionResult]::new('--all-targets', '--all-targets', [CompletionResultType]::ParameterName, 'Run against every target of [targets] (read-only commands only)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'masst;completions' {
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: human text, or one JSON document on stdout')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file (default: ./masst.toml, then $XDG_CONFIG_HOME/masst/masst.toml)')
            [CompletionResult]::new('--runbooks', '--runbooks', [CompletionResultType]::ParameterName, 'Add the runbooks of this folder (or file) to the embedded ones; one with the name of an embedded runbook replaces it')
            [CompletionResult]::new('--only-runbooks', '--only-runbooks', [CompletionResultType]::ParameterName, 'Use exactly the runbooks of this folder (or file), none of the embedded ones')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile (default: AWS_PROFILE, then [aws] profile in masst.toml)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: AWS_REGION, then the profile, then [aws] region)')
            [CompletionResult]::new('--endpoint-url', '--endpoint-url', [CompletionResultType]::ParameterName, 'Send every AWS call to this endpoint (default: AWS_ENDPOINT_URL, then [aws] endpoint_url)')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'The change journal (default: $XDG_STATE_HOME/masst/journal.jsonl)')
            [CompletionResult]::new('--target', '--target', [CompletionResultType]::ParameterName, 'Run against this target of [targets] in masst.toml (repeatable; default: MASST_TARGET, comma-separated). Read-only commands read every target given; changes take one')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log more (-v: each AWS call with its duration; -vv: debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log more (-v: each AWS call with its duration; -vv: debug)')
            [CompletionResult]::new('--all-targets', '--all-targets', [CompletionResultType]::ParameterName, 'Run against every target of [targets] (read-only commands only)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'masst;help' {
            [CompletionResult]::new('diagnose', 'diagnose', [CompletionResultType]::ParameterValue, 'Walk runbooks against evidence and report root causes')
            [CompletionResult]::new('snapshot', 'snapshot', [CompletionResultType]::ParameterValue, 'Capture evidence to a snapshot file, to replay with `diagnose --from`')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'One screen of every runbook''s trigger: current values, thresholds, state')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'After a fix: watch the signals that matter until the incident has recovered, got worse, or the time is up (exit 0 recovered, 1 not recovered or worse, 3 could not look)')
            [CompletionResult]::new('watch', 'watch', [CompletionResultType]::ParameterValue, 'The on-call dashboard, redrawn every `--every`: every trigger''s signals, a sparkline of each metric''s window, the threshold, the state (q or Ctrl-C leaves)')
            [CompletionResult]::new('report', 'report', [CompletionResultType]::ParameterValue, 'Write the incident report: one self-contained HTML page (or Markdown, by extension) with the charts, the walk and what was done')
            [CompletionResult]::new('lab', 'lab', [CompletionResultType]::ParameterValue, 'Write a scenario''s world into a local AWS emulator (for tests, demos, drills)')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Show the effective configuration and where each value came from')
            [CompletionResult]::new('analytics', 'analytics', [CompletionResultType]::ParameterValue, 'Pause or resume the analytics pipeline''s Bedrock calls')
            [CompletionResult]::new('concurrency', 'concurrency', [CompletionResultType]::ParameterValue, 'Change a pool''s max_concurrency')
            [CompletionResult]::new('routing', 'routing', [CompletionResultType]::ParameterValue, 'Route simple queries to Haiku')
            [CompletionResult]::new('batch', 'batch', [CompletionResultType]::ParameterValue, 'Batch processing: pause, resume, concurrency, schedule, model, scale')
            [CompletionResult]::new('producer', 'producer', [CompletionResultType]::ParameterValue, 'The batch producer (catalog-enrichment): pause, resume')
            [CompletionResult]::new('queue', 'queue', [CompletionResultType]::ParameterValue, 'The primary batch queue')
            [CompletionResult]::new('alarms', 'alarms', [CompletionResultType]::ParameterValue, 'CloudWatch alarms for the seed''s detection signals')
            [CompletionResult]::new('quota', 'quota', [CompletionResultType]::ParameterValue, 'The account quota in the configuration document')
            [CompletionResult]::new('audit', 'audit', [CompletionResultType]::ParameterValue, 'Check the deployment against the seed''s Prevention controls (contract §8); for CI as SARIF or JUnit too')
            [CompletionResult]::new('dlq', 'dlq', [CompletionResultType]::ParameterValue, 'The dead-letter queue: inspect it, redrive it losslessly')
            [CompletionResult]::new('journal', 'journal', [CompletionResultType]::ParameterValue, 'List the changes masst made')
            [CompletionResult]::new('undo', 'undo', [CompletionResultType]::ParameterValue, 'Reverse a change (the latest by default), through the same preview and confirmation')
            [CompletionResult]::new('runbook', 'runbook', [CompletionResultType]::ParameterValue, 'List, show or validate runbooks')
            [CompletionResult]::new('iam-policy', 'iam-policy', [CompletionResultType]::ParameterValue, 'Print the least-privilege IAM policy (JSON) for what masst calls: the read-only one for diagnosis, or the one that also allows its actions')
            [CompletionResult]::new('mcp', 'mcp', [CompletionResultType]::ParameterValue, 'Serve masst''s reads to an AI assistant over MCP on stdio; it changes nothing')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print shell completions (also committed under completions/)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'masst;help;diagnose' {
            break
        }
        'masst;help;snapshot' {
            [CompletionResult]::new('capture', 'capture', [CompletionResultType]::ParameterValue, 'Collect the evidence the runbooks need and write it as a snapshot (stdout by default)')
            [CompletionResult]::new('upgrade', 'upgrade', [CompletionResultType]::ParameterValue, 'Rewrite a snapshot file (format 1 or 2) as the compact format 2, in place')
            break
        }
        'masst;help;snapshot;capture' {
            break
        }
        'masst;help;snapshot;upgrade' {
            break
        }
        'masst;help;status' {
            break
        }
        'masst;help;verify' {
            break
        }
        'masst;help;watch' {
            break
        }
        'masst;help;report' {
            break
        }
        'masst;help;lab' {
            [CompletionResult]::new('up', 'up', [CompletionResultType]::ParameterValue, 'Create the scenario''s queues, messages, AppConfig document, ECS services and an hour of metric history. Refuses any endpoint that is not on this machine')
            [CompletionResult]::new('down', 'down', [CompletionResultType]::ParameterValue, 'Remove what `lab up` created (metric history stays: CloudWatch cannot delete it)')
            [CompletionResult]::new('drill', 'drill', [CompletionResultType]::ParameterValue, 'Run a practice incident: build the scenario, then step it minute by minute against what you change (with masst or anything else), and score how it went')
            break
        }
        'masst;help;lab;up' {
            break
        }
        'masst;help;lab;down' {
            break
        }
        'masst;help;lab;drill' {
            break
        }
        'masst;help;config' {
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Print every setting with its value and origin')
            break
        }
        'masst;help;config;show' {
            break
        }
        'masst;help;analytics' {
            [CompletionResult]::new('pause', 'pause', [CompletionResultType]::ParameterValue, 'Pause (journaled; `masst undo` reverses it)')
            [CompletionResult]::new('resume', 'resume', [CompletionResultType]::ParameterValue, 'Resume')
            break
        }
        'masst;help;analytics;pause' {
            break
        }
        'masst;help;analytics;resume' {
            break
        }
        'masst;help;concurrency' {
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Set a pool''s max_concurrency for a model; refused if the model''s pools would exceed its quota')
            break
        }
        'masst;help;concurrency;set' {
            break
        }
        'masst;help;routing' {
            [CompletionResult]::new('haiku', 'haiku', [CompletionResultType]::ParameterValue, 'Route simple queries (FAQ, store hours) to Haiku, or stop')
            break
        }
        'masst;help;routing;haiku' {
            break
        }
        'masst;help;batch' {
            [CompletionResult]::new('pause', 'pause', [CompletionResultType]::ParameterValue, 'Pause batch processing')
            [CompletionResult]::new('resume', 'resume', [CompletionResultType]::ParameterValue, 'Resume batch processing')
            [CompletionResult]::new('concurrency', 'concurrency', [CompletionResultType]::ParameterValue, 'Give batch a dedicated pool of N slots of its model (no longer shared with real-time)')
            [CompletionResult]::new('schedule', 'schedule', [CompletionResultType]::ParameterValue, 'The time-of-day batch concurrency table (JST)')
            [CompletionResult]::new('model', 'model', [CompletionResultType]::ParameterValue, 'Switch the batch model (its dedicated pool follows)')
            [CompletionResult]::new('scale', 'scale', [CompletionResultType]::ParameterValue, 'Set the batch-worker ECS desired count')
            break
        }
        'masst;help;batch;pause' {
            break
        }
        'masst;help;batch;resume' {
            break
        }
        'masst;help;batch;concurrency' {
            break
        }
        'masst;help;batch;schedule' {
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show the table (the seed''s, or --file) with the current JST hour marked')
            [CompletionResult]::new('apply', 'apply', [CompletionResultType]::ParameterValue, 'Deploy the table (the seed''s, or --file) as batch.schedule_jst')
            break
        }
        'masst;help;batch;schedule;show' {
            break
        }
        'masst;help;batch;schedule;apply' {
            break
        }
        'masst;help;batch;model' {
            break
        }
        'masst;help;batch;scale' {
            break
        }
        'masst;help;producer' {
            [CompletionResult]::new('pause', 'pause', [CompletionResultType]::ParameterValue, 'Stop the batch producer (ECS desired count 0); the count is saved in the journal')
            [CompletionResult]::new('resume', 'resume', [CompletionResultType]::ParameterValue, 'Restore the count saved by the last `producer pause` (or --count N)')
            break
        }
        'masst;help;producer;pause' {
            break
        }
        'masst;help;producer;resume' {
            break
        }
        'masst;help;queue' {
            [CompletionResult]::new('fix', 'fix', [CompletionResultType]::ParameterValue, 'Set VisibilityTimeout and maxReceiveCount on the primary queue, keeping its DLQ')
            break
        }
        'masst;help;queue;fix' {
            break
        }
        'masst;help;alarms' {
            [CompletionResult]::new('install', 'install', [CompletionResultType]::ParameterValue, 'Create (or bring back in line) the seed''s alarms: ThrottleRate, DegradationRate, circuit OPEN per model, batch QueueDepth and QueueAge, DLQ depth')
            break
        }
        'masst;help;alarms;install' {
            break
        }
        'masst;help;quota' {
            [CompletionResult]::new('sync', 'sync', [CompletionResultType]::ParameterValue, 'Copy each model''s applied Service Quotas value (quota codes in `[quotas]` of masst.toml) into `account_quota` (journaled; `masst undo` reverses it)')
            break
        }
        'masst;help;quota;sync' {
            break
        }
        'masst;help;audit' {
            break
        }
        'masst;help;dlq' {
            [CompletionResult]::new('inspect', 'inspect', [CompletionResultType]::ParameterValue, 'Show what the DLQ holds without consuming it: error types, retryable or not, formats, ages, receive counts; `--show N` prints example bodies')
            [CompletionResult]::new('redrive', 'redrive', [CompletionResultType]::ParameterValue, 'Move DLQ messages back to their source queue: job body with _retry_count reset, message attributes kept (but error_type), each DLQ copy deleted only after SQS confirmed the send')
            break
        }
        'masst;help;dlq;inspect' {
            break
        }
        'masst;help;dlq;redrive' {
            break
        }
        'masst;help;journal' {
            break
        }
        'masst;help;undo' {
            break
        }
        'masst;help;runbook' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the loaded runbooks')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show a runbook''s tree, or print it as a Mermaid flowchart')
            [CompletionResult]::new('validate', 'validate', [CompletionResultType]::ParameterValue, 'Check a runbook file or a folder of them; exit 2 with the fix on the first error')
            break
        }
        'masst;help;runbook;list' {
            break
        }
        'masst;help;runbook;show' {
            break
        }
        'masst;help;runbook;validate' {
            break
        }
        'masst;help;iam-policy' {
            break
        }
        'masst;help;mcp' {
            break
        }
        'masst;help;completions' {
            break
        }
        'masst;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
