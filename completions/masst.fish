# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_masst_global_optspecs
    string join \n output= q/quiet v/verbose config= runbooks= only-runbooks= profile= region= endpoint-url= journal= target= all-targets h/help V/version
end

function __fish_masst_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_masst_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_masst_using_subcommand
    set -l cmd (__fish_masst_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c masst -n "__fish_masst_needs_command" -l output -d 'Output format: human text, or one JSON document on stdout; `audit` and `diagnose` also write SARIF 2.1.0 or JUnit XML for CI' -r -f -a "human\t''
json\t''
sarif\t'SARIF 2.1.0 (`audit`, `diagnose`)'
junit\t'JUnit XML (`audit`, `diagnose`)'"
complete -c masst -n "__fish_masst_needs_command" -l config -d 'Configuration file (default: ./masst.toml, then $XDG_CONFIG_HOME/masst/masst.toml)' -r -F
complete -c masst -n "__fish_masst_needs_command" -l runbooks -d 'Add the runbooks of this folder (or file) to the embedded ones; one with the name of an embedded runbook replaces it' -r -F
complete -c masst -n "__fish_masst_needs_command" -l only-runbooks -d 'Use exactly the runbooks of this folder (or file), none of the embedded ones' -r -F
complete -c masst -n "__fish_masst_needs_command" -l profile -d 'AWS profile (default: AWS_PROFILE, then [aws] profile in masst.toml)' -r
complete -c masst -n "__fish_masst_needs_command" -l region -d 'AWS region (default: AWS_REGION, then the profile, then [aws] region)' -r
complete -c masst -n "__fish_masst_needs_command" -l endpoint-url -d 'Send every AWS call to this endpoint (default: AWS_ENDPOINT_URL, then [aws] endpoint_url)' -r
complete -c masst -n "__fish_masst_needs_command" -l journal -d 'The change journal (default: $XDG_STATE_HOME/masst/journal.jsonl)' -r -F
complete -c masst -n "__fish_masst_needs_command" -l target -d 'Run against this target of [targets] in masst.toml (repeatable; default: MASST_TARGET, comma-separated). Read-only commands read every target given; changes take one' -r
complete -c masst -n "__fish_masst_needs_command" -s q -l quiet -d 'Print only results and errors'
complete -c masst -n "__fish_masst_needs_command" -s v -l verbose -d 'Log more (-v: each AWS call with its duration; -vv: debug)'
complete -c masst -n "__fish_masst_needs_command" -l all-targets -d 'Run against every target of [targets] (read-only commands only)'
complete -c masst -n "__fish_masst_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c masst -n "__fish_masst_needs_command" -s V -l version -d 'Print version'
complete -c masst -n "__fish_masst_needs_command" -f -a "diagnose" -d 'Walk runbooks against evidence and report root causes'
complete -c masst -n "__fish_masst_needs_command" -f -a "snapshot" -d 'Capture evidence to a snapshot file, to replay with `diagnose --from`'
complete -c masst -n "__fish_masst_needs_command" -f -a "status" -d 'One screen of every runbook\'s trigger: current values, thresholds, state'
complete -c masst -n "__fish_masst_needs_command" -f -a "verify" -d 'After a fix: watch the signals that matter until the incident has recovered, got worse, or the time is up (exit 0 recovered, 1 not recovered or worse, 3 could not look)'
complete -c masst -n "__fish_masst_needs_command" -f -a "watch" -d 'The on-call dashboard, redrawn every `--every`: every trigger\'s signals, a sparkline of each metric\'s window, the threshold, the state (q or Ctrl-C leaves)'
complete -c masst -n "__fish_masst_needs_command" -f -a "report" -d 'Write the incident report: one self-contained HTML page (or Markdown, by extension) with the charts, the walk and what was done'
complete -c masst -n "__fish_masst_needs_command" -f -a "lab" -d 'Write a scenario\'s world into a local AWS emulator (for tests, demos, drills)'
complete -c masst -n "__fish_masst_needs_command" -f -a "config" -d 'Show the effective configuration and where each value came from'
complete -c masst -n "__fish_masst_needs_command" -f -a "analytics" -d 'Pause or resume the analytics pipeline\'s Bedrock calls'
complete -c masst -n "__fish_masst_needs_command" -f -a "concurrency" -d 'Change a pool\'s max_concurrency'
complete -c masst -n "__fish_masst_needs_command" -f -a "routing" -d 'Route simple queries to Haiku'
complete -c masst -n "__fish_masst_needs_command" -f -a "batch" -d 'Batch processing: pause, resume, concurrency, schedule, model, scale'
complete -c masst -n "__fish_masst_needs_command" -f -a "producer" -d 'The batch producer (catalog-enrichment): pause, resume'
complete -c masst -n "__fish_masst_needs_command" -f -a "queue" -d 'The primary batch queue'
complete -c masst -n "__fish_masst_needs_command" -f -a "alarms" -d 'CloudWatch alarms for the seed\'s detection signals'
complete -c masst -n "__fish_masst_needs_command" -f -a "quota" -d 'The account quota in the configuration document'
complete -c masst -n "__fish_masst_needs_command" -f -a "audit" -d 'Check the deployment against the seed\'s Prevention controls (contract §8); for CI as SARIF or JUnit too'
complete -c masst -n "__fish_masst_needs_command" -f -a "dlq" -d 'The dead-letter queue: inspect it, redrive it losslessly'
complete -c masst -n "__fish_masst_needs_command" -f -a "journal" -d 'List the changes masst made'
complete -c masst -n "__fish_masst_needs_command" -f -a "undo" -d 'Reverse a change (the latest by default), through the same preview and confirmation'
complete -c masst -n "__fish_masst_needs_command" -f -a "runbook" -d 'List, show or validate runbooks'
complete -c masst -n "__fish_masst_needs_command" -f -a "iam-policy" -d 'Print the least-privilege IAM policy (JSON) for what masst calls: the read-only one for diagnosis, or the one that also allows its actions'
complete -c masst -n "__fish_masst_needs_command" -f -a "mcp" -d 'Serve masst\'s reads to an AI assistant over MCP on stdio; it changes nothing'
complete -c masst -n "__fish_masst_needs_command" -f -a "completions" -d 'Print shell completions (also committed under completions/)'
complete -c masst -n "__fish_masst_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c masst -n "__fish_masst_using_subcommand diagnose" -l scenario -d 'Use an embedded scenario instead of live AWS (no account needed)' -r -f -a "batch-backlog\t''
conservative-limits\t''
dlq-retryable\t''
flash-sale\t''
healthy\t''
priority-inversion\t''"
complete -c masst -n "__fish_masst_using_subcommand diagnose" -l from -d 'Use a snapshot file written by `masst snapshot capture`' -r -F
complete -c masst -n "__fish_masst_using_subcommand diagnose" -l scenario-file -d 'Use a scenario file (TOML, as in scenarios/; `extends` may name an embedded one)' -r -F
complete -c masst -n "__fish_masst_using_subcommand diagnose" -l answer -d 'Answer a runbook question up front: NODE=yes|no (or RUNBOOK.NODE=yes|no). Repeatable' -r
complete -c masst -n "__fish_masst_using_subcommand diagnose" -l fail-on -d 'Exit 1 when a finding is at least this severe' -r -f -a "info\t''
warning\t''
critical\t''"
complete -c masst -n "__fish_masst_using_subcommand diagnose" -l window -d 'How much metric history to read live, e.g. `60m`, `2h`' -r
complete -c masst -n "__fish_masst_using_subcommand diagnose" -l apply -d 'After the diagnosis, run this offered action (an id such as analytics.pause)' -r
complete -c masst -n "__fish_masst_using_subcommand diagnose" -l verify-timeout -d 'With --apply: give up verifying after this long (default: the outcome\'s budget)' -r
complete -c masst -n "__fish_masst_using_subcommand diagnose" -l verify-every -d 'With --apply: read the evidence again this often while verifying' -r
complete -c masst -n "__fish_masst_using_subcommand diagnose" -l output -d 'Output format: human text, or one JSON document on stdout; `audit` and `diagnose` also write SARIF 2.1.0 or JUnit XML for CI' -r -f -a "human\t''
json\t''
sarif\t'SARIF 2.1.0 (`audit`, `diagnose`)'
junit\t'JUnit XML (`audit`, `diagnose`)'"
complete -c masst -n "__fish_masst_using_subcommand diagnose" -l config -d 'Configuration file (default: ./masst.toml, then $XDG_CONFIG_HOME/masst/masst.toml)' -r -F
complete -c masst -n "__fish_masst_using_subcommand diagnose" -l runbooks -d 'Add the runbooks of this folder (or file) to the embedded ones; one with the name of an embedded runbook replaces it' -r -F
complete -c masst -n "__fish_masst_using_subcommand diagnose" -l only-runbooks -d 'Use exactly the runbooks of this folder (or file), none of the embedded ones' -r -F
complete -c masst -n "__fish_masst_using_subcommand diagnose" -l profile -d 'AWS profile (default: AWS_PROFILE, then [aws] profile in masst.toml)' -r
complete -c masst -n "__fish_masst_using_subcommand diagnose" -l region -d 'AWS region (default: AWS_REGION, then the profile, then [aws] region)' -r
complete -c masst -n "__fish_masst_using_subcommand diagnose" -l endpoint-url -d 'Send every AWS call to this endpoint (default: AWS_ENDPOINT_URL, then [aws] endpoint_url)' -r
complete -c masst -n "__fish_masst_using_subcommand diagnose" -l journal -d 'The change journal (default: $XDG_STATE_HOME/masst/journal.jsonl)' -r -F
complete -c masst -n "__fish_masst_using_subcommand diagnose" -l target -d 'Run against this target of [targets] in masst.toml (repeatable; default: MASST_TARGET, comma-separated). Read-only commands read every target given; changes take one' -r
complete -c masst -n "__fish_masst_using_subcommand diagnose" -s y -l yes -d 'With --apply: do not ask'
complete -c masst -n "__fish_masst_using_subcommand diagnose" -l dry-run -d 'With --apply: show the plan and change nothing'
complete -c masst -n "__fish_masst_using_subcommand diagnose" -l no-verify -d 'With --apply: skip the verification that follows the change by default'
complete -c masst -n "__fish_masst_using_subcommand diagnose" -s q -l quiet -d 'Print only results and errors'
complete -c masst -n "__fish_masst_using_subcommand diagnose" -s v -l verbose -d 'Log more (-v: each AWS call with its duration; -vv: debug)'
complete -c masst -n "__fish_masst_using_subcommand diagnose" -l all-targets -d 'Run against every target of [targets] (read-only commands only)'
complete -c masst -n "__fish_masst_using_subcommand diagnose" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c masst -n "__fish_masst_using_subcommand snapshot; and not __fish_seen_subcommand_from capture upgrade help" -l output -d 'Output format: human text, or one JSON document on stdout' -r -f -a "human\t''
json\t''"
complete -c masst -n "__fish_masst_using_subcommand snapshot; and not __fish_seen_subcommand_from capture upgrade help" -l config -d 'Configuration file (default: ./masst.toml, then $XDG_CONFIG_HOME/masst/masst.toml)' -r -F
complete -c masst -n "__fish_masst_using_subcommand snapshot; and not __fish_seen_subcommand_from capture upgrade help" -l runbooks -d 'Add the runbooks of this folder (or file) to the embedded ones; one with the name of an embedded runbook replaces it' -r -F
complete -c masst -n "__fish_masst_using_subcommand snapshot; and not __fish_seen_subcommand_from capture upgrade help" -l only-runbooks -d 'Use exactly the runbooks of this folder (or file), none of the embedded ones' -r -F
complete -c masst -n "__fish_masst_using_subcommand snapshot; and not __fish_seen_subcommand_from capture upgrade help" -l profile -d 'AWS profile (default: AWS_PROFILE, then [aws] profile in masst.toml)' -r
complete -c masst -n "__fish_masst_using_subcommand snapshot; and not __fish_seen_subcommand_from capture upgrade help" -l region -d 'AWS region (default: AWS_REGION, then the profile, then [aws] region)' -r
complete -c masst -n "__fish_masst_using_subcommand snapshot; and not __fish_seen_subcommand_from capture upgrade help" -l endpoint-url -d 'Send every AWS call to this endpoint (default: AWS_ENDPOINT_URL, then [aws] endpoint_url)' -r
complete -c masst -n "__fish_masst_using_subcommand snapshot; and not __fish_seen_subcommand_from capture upgrade help" -l journal -d 'The change journal (default: $XDG_STATE_HOME/masst/journal.jsonl)' -r -F
complete -c masst -n "__fish_masst_using_subcommand snapshot; and not __fish_seen_subcommand_from capture upgrade help" -l target -d 'Run against this target of [targets] in masst.toml (repeatable; default: MASST_TARGET, comma-separated). Read-only commands read every target given; changes take one' -r
complete -c masst -n "__fish_masst_using_subcommand snapshot; and not __fish_seen_subcommand_from capture upgrade help" -s q -l quiet -d 'Print only results and errors'
complete -c masst -n "__fish_masst_using_subcommand snapshot; and not __fish_seen_subcommand_from capture upgrade help" -s v -l verbose -d 'Log more (-v: each AWS call with its duration; -vv: debug)'
complete -c masst -n "__fish_masst_using_subcommand snapshot; and not __fish_seen_subcommand_from capture upgrade help" -l all-targets -d 'Run against every target of [targets] (read-only commands only)'
complete -c masst -n "__fish_masst_using_subcommand snapshot; and not __fish_seen_subcommand_from capture upgrade help" -s h -l help -d 'Print help'
complete -c masst -n "__fish_masst_using_subcommand snapshot; and not __fish_seen_subcommand_from capture upgrade help" -f -a "capture" -d 'Collect the evidence the runbooks need and write it as a snapshot (stdout by default)'
complete -c masst -n "__fish_masst_using_subcommand snapshot; and not __fish_seen_subcommand_from capture upgrade help" -f -a "upgrade" -d 'Rewrite a snapshot file (format 1 or 2) as the compact format 2, in place'
complete -c masst -n "__fish_masst_using_subcommand snapshot; and not __fish_seen_subcommand_from capture upgrade help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c masst -n "__fish_masst_using_subcommand snapshot; and __fish_seen_subcommand_from capture" -s o -l out -d 'Write to FILE instead of stdout' -r -F
complete -c masst -n "__fish_masst_using_subcommand snapshot; and __fish_seen_subcommand_from capture" -l window -d 'How much metric history to read, e.g. `60m`, `2h` (one datapoint a minute)' -r
complete -c masst -n "__fish_masst_using_subcommand snapshot; and __fish_seen_subcommand_from capture" -l scenario -d 'Capture an embedded scenario\'s evidence instead of live AWS' -r -f -a "batch-backlog\t''
conservative-limits\t''
dlq-retryable\t''
flash-sale\t''
healthy\t''
priority-inversion\t''"
complete -c masst -n "__fish_masst_using_subcommand snapshot; and __fish_seen_subcommand_from capture" -l output -d 'Output format: human text, or one JSON document on stdout' -r -f -a "human\t''
json\t''"
complete -c masst -n "__fish_masst_using_subcommand snapshot; and __fish_seen_subcommand_from capture" -l config -d 'Configuration file (default: ./masst.toml, then $XDG_CONFIG_HOME/masst/masst.toml)' -r -F
complete -c masst -n "__fish_masst_using_subcommand snapshot; and __fish_seen_subcommand_from capture" -l runbooks -d 'Add the runbooks of this folder (or file) to the embedded ones; one with the name of an embedded runbook replaces it' -r -F
complete -c masst -n "__fish_masst_using_subcommand snapshot; and __fish_seen_subcommand_from capture" -l only-runbooks -d 'Use exactly the runbooks of this folder (or file), none of the embedded ones' -r -F
complete -c masst -n "__fish_masst_using_subcommand snapshot; and __fish_seen_subcommand_from capture" -l profile -d 'AWS profile (default: AWS_PROFILE, then [aws] profile in masst.toml)' -r
complete -c masst -n "__fish_masst_using_subcommand snapshot; and __fish_seen_subcommand_from capture" -l region -d 'AWS region (default: AWS_REGION, then the profile, then [aws] region)' -r
complete -c masst -n "__fish_masst_using_subcommand snapshot; and __fish_seen_subcommand_from capture" -l endpoint-url -d 'Send every AWS call to this endpoint (default: AWS_ENDPOINT_URL, then [aws] endpoint_url)' -r
complete -c masst -n "__fish_masst_using_subcommand snapshot; and __fish_seen_subcommand_from capture" -l journal -d 'The change journal (default: $XDG_STATE_HOME/masst/journal.jsonl)' -r -F
complete -c masst -n "__fish_masst_using_subcommand snapshot; and __fish_seen_subcommand_from capture" -l target -d 'Run against this target of [targets] in masst.toml (repeatable; default: MASST_TARGET, comma-separated). Read-only commands read every target given; changes take one' -r
complete -c masst -n "__fish_masst_using_subcommand snapshot; and __fish_seen_subcommand_from capture" -s q -l quiet -d 'Print only results and errors'
complete -c masst -n "__fish_masst_using_subcommand snapshot; and __fish_seen_subcommand_from capture" -s v -l verbose -d 'Log more (-v: each AWS call with its duration; -vv: debug)'
complete -c masst -n "__fish_masst_using_subcommand snapshot; and __fish_seen_subcommand_from capture" -l all-targets -d 'Run against every target of [targets] (read-only commands only)'
complete -c masst -n "__fish_masst_using_subcommand snapshot; and __fish_seen_subcommand_from capture" -s h -l help -d 'Print help'
complete -c masst -n "__fish_masst_using_subcommand snapshot; and __fish_seen_subcommand_from upgrade" -l output -d 'Output format: human text, or one JSON document on stdout' -r -f -a "human\t''
json\t''"
complete -c masst -n "__fish_masst_using_subcommand snapshot; and __fish_seen_subcommand_from upgrade" -l config -d 'Configuration file (default: ./masst.toml, then $XDG_CONFIG_HOME/masst/masst.toml)' -r -F
complete -c masst -n "__fish_masst_using_subcommand snapshot; and __fish_seen_subcommand_from upgrade" -l runbooks -d 'Add the runbooks of this folder (or file) to the embedded ones; one with the name of an embedded runbook replaces it' -r -F
complete -c masst -n "__fish_masst_using_subcommand snapshot; and __fish_seen_subcommand_from upgrade" -l only-runbooks -d 'Use exactly the runbooks of this folder (or file), none of the embedded ones' -r -F
complete -c masst -n "__fish_masst_using_subcommand snapshot; and __fish_seen_subcommand_from upgrade" -l profile -d 'AWS profile (default: AWS_PROFILE, then [aws] profile in masst.toml)' -r
complete -c masst -n "__fish_masst_using_subcommand snapshot; and __fish_seen_subcommand_from upgrade" -l region -d 'AWS region (default: AWS_REGION, then the profile, then [aws] region)' -r
complete -c masst -n "__fish_masst_using_subcommand snapshot; and __fish_seen_subcommand_from upgrade" -l endpoint-url -d 'Send every AWS call to this endpoint (default: AWS_ENDPOINT_URL, then [aws] endpoint_url)' -r
complete -c masst -n "__fish_masst_using_subcommand snapshot; and __fish_seen_subcommand_from upgrade" -l journal -d 'The change journal (default: $XDG_STATE_HOME/masst/journal.jsonl)' -r -F
complete -c masst -n "__fish_masst_using_subcommand snapshot; and __fish_seen_subcommand_from upgrade" -l target -d 'Run against this target of [targets] in masst.toml (repeatable; default: MASST_TARGET, comma-separated). Read-only commands read every target given; changes take one' -r
complete -c masst -n "__fish_masst_using_subcommand snapshot; and __fish_seen_subcommand_from upgrade" -s q -l quiet -d 'Print only results and errors'
complete -c masst -n "__fish_masst_using_subcommand snapshot; and __fish_seen_subcommand_from upgrade" -s v -l verbose -d 'Log more (-v: each AWS call with its duration; -vv: debug)'
complete -c masst -n "__fish_masst_using_subcommand snapshot; and __fish_seen_subcommand_from upgrade" -l all-targets -d 'Run against every target of [targets] (read-only commands only)'
complete -c masst -n "__fish_masst_using_subcommand snapshot; and __fish_seen_subcommand_from upgrade" -s h -l help -d 'Print help'
complete -c masst -n "__fish_masst_using_subcommand snapshot; and __fish_seen_subcommand_from help" -f -a "capture" -d 'Collect the evidence the runbooks need and write it as a snapshot (stdout by default)'
complete -c masst -n "__fish_masst_using_subcommand snapshot; and __fish_seen_subcommand_from help" -f -a "upgrade" -d 'Rewrite a snapshot file (format 1 or 2) as the compact format 2, in place'
complete -c masst -n "__fish_masst_using_subcommand snapshot; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c masst -n "__fish_masst_using_subcommand status" -l scenario -d 'Use an embedded scenario instead of live AWS' -r -f -a "batch-backlog\t''
conservative-limits\t''
dlq-retryable\t''
flash-sale\t''
healthy\t''
priority-inversion\t''"
complete -c masst -n "__fish_masst_using_subcommand status" -l from -d 'Use a snapshot file' -r -F
complete -c masst -n "__fish_masst_using_subcommand status" -l window -d 'How much metric history to read live' -r
complete -c masst -n "__fish_masst_using_subcommand status" -l output -d 'Output format: human text, or one JSON document on stdout' -r -f -a "human\t''
json\t''"
complete -c masst -n "__fish_masst_using_subcommand status" -l config -d 'Configuration file (default: ./masst.toml, then $XDG_CONFIG_HOME/masst/masst.toml)' -r -F
complete -c masst -n "__fish_masst_using_subcommand status" -l runbooks -d 'Add the runbooks of this folder (or file) to the embedded ones; one with the name of an embedded runbook replaces it' -r -F
complete -c masst -n "__fish_masst_using_subcommand status" -l only-runbooks -d 'Use exactly the runbooks of this folder (or file), none of the embedded ones' -r -F
complete -c masst -n "__fish_masst_using_subcommand status" -l profile -d 'AWS profile (default: AWS_PROFILE, then [aws] profile in masst.toml)' -r
complete -c masst -n "__fish_masst_using_subcommand status" -l region -d 'AWS region (default: AWS_REGION, then the profile, then [aws] region)' -r
complete -c masst -n "__fish_masst_using_subcommand status" -l endpoint-url -d 'Send every AWS call to this endpoint (default: AWS_ENDPOINT_URL, then [aws] endpoint_url)' -r
complete -c masst -n "__fish_masst_using_subcommand status" -l journal -d 'The change journal (default: $XDG_STATE_HOME/masst/journal.jsonl)' -r -F
complete -c masst -n "__fish_masst_using_subcommand status" -l target -d 'Run against this target of [targets] in masst.toml (repeatable; default: MASST_TARGET, comma-separated). Read-only commands read every target given; changes take one' -r
complete -c masst -n "__fish_masst_using_subcommand status" -s q -l quiet -d 'Print only results and errors'
complete -c masst -n "__fish_masst_using_subcommand status" -s v -l verbose -d 'Log more (-v: each AWS call with its duration; -vv: debug)'
complete -c masst -n "__fish_masst_using_subcommand status" -l all-targets -d 'Run against every target of [targets] (read-only commands only)'
complete -c masst -n "__fish_masst_using_subcommand status" -s h -l help -d 'Print help'
complete -c masst -n "__fish_masst_using_subcommand verify" -l timeout -d 'Give up after this long, e.g. `6m` (default: the longest recovery budget of the results that fired, from the runbook files)' -r
complete -c masst -n "__fish_masst_using_subcommand verify" -l every -d 'Read the evidence again this often, e.g. `30s`' -r
complete -c masst -n "__fish_masst_using_subcommand verify" -l output -d 'Output format: human text, or one JSON document on stdout' -r -f -a "human\t''
json\t''"
complete -c masst -n "__fish_masst_using_subcommand verify" -l config -d 'Configuration file (default: ./masst.toml, then $XDG_CONFIG_HOME/masst/masst.toml)' -r -F
complete -c masst -n "__fish_masst_using_subcommand verify" -l runbooks -d 'Add the runbooks of this folder (or file) to the embedded ones; one with the name of an embedded runbook replaces it' -r -F
complete -c masst -n "__fish_masst_using_subcommand verify" -l only-runbooks -d 'Use exactly the runbooks of this folder (or file), none of the embedded ones' -r -F
complete -c masst -n "__fish_masst_using_subcommand verify" -l profile -d 'AWS profile (default: AWS_PROFILE, then [aws] profile in masst.toml)' -r
complete -c masst -n "__fish_masst_using_subcommand verify" -l region -d 'AWS region (default: AWS_REGION, then the profile, then [aws] region)' -r
complete -c masst -n "__fish_masst_using_subcommand verify" -l endpoint-url -d 'Send every AWS call to this endpoint (default: AWS_ENDPOINT_URL, then [aws] endpoint_url)' -r
complete -c masst -n "__fish_masst_using_subcommand verify" -l journal -d 'The change journal (default: $XDG_STATE_HOME/masst/journal.jsonl)' -r -F
complete -c masst -n "__fish_masst_using_subcommand verify" -l target -d 'Run against this target of [targets] in masst.toml (repeatable; default: MASST_TARGET, comma-separated). Read-only commands read every target given; changes take one' -r
complete -c masst -n "__fish_masst_using_subcommand verify" -s q -l quiet -d 'Print only results and errors'
complete -c masst -n "__fish_masst_using_subcommand verify" -s v -l verbose -d 'Log more (-v: each AWS call with its duration; -vv: debug)'
complete -c masst -n "__fish_masst_using_subcommand verify" -l all-targets -d 'Run against every target of [targets] (read-only commands only)'
complete -c masst -n "__fish_masst_using_subcommand verify" -s h -l help -d 'Print help'
complete -c masst -n "__fish_masst_using_subcommand watch" -l every -d 'Refresh this often, e.g. `60s`' -r
complete -c masst -n "__fish_masst_using_subcommand watch" -l scenario -d 'Use an embedded scenario instead of live AWS' -r -f -a "batch-backlog\t''
conservative-limits\t''
dlq-retryable\t''
flash-sale\t''
healthy\t''
priority-inversion\t''"
complete -c masst -n "__fish_masst_using_subcommand watch" -l from -d 'Use a snapshot file' -r -F
complete -c masst -n "__fish_masst_using_subcommand watch" -l output -d 'Output format: human text, or one JSON document on stdout' -r -f -a "human\t''
json\t''"
complete -c masst -n "__fish_masst_using_subcommand watch" -l config -d 'Configuration file (default: ./masst.toml, then $XDG_CONFIG_HOME/masst/masst.toml)' -r -F
complete -c masst -n "__fish_masst_using_subcommand watch" -l runbooks -d 'Add the runbooks of this folder (or file) to the embedded ones; one with the name of an embedded runbook replaces it' -r -F
complete -c masst -n "__fish_masst_using_subcommand watch" -l only-runbooks -d 'Use exactly the runbooks of this folder (or file), none of the embedded ones' -r -F
complete -c masst -n "__fish_masst_using_subcommand watch" -l profile -d 'AWS profile (default: AWS_PROFILE, then [aws] profile in masst.toml)' -r
complete -c masst -n "__fish_masst_using_subcommand watch" -l region -d 'AWS region (default: AWS_REGION, then the profile, then [aws] region)' -r
complete -c masst -n "__fish_masst_using_subcommand watch" -l endpoint-url -d 'Send every AWS call to this endpoint (default: AWS_ENDPOINT_URL, then [aws] endpoint_url)' -r
complete -c masst -n "__fish_masst_using_subcommand watch" -l journal -d 'The change journal (default: $XDG_STATE_HOME/masst/journal.jsonl)' -r -F
complete -c masst -n "__fish_masst_using_subcommand watch" -l target -d 'Run against this target of [targets] in masst.toml (repeatable; default: MASST_TARGET, comma-separated). Read-only commands read every target given; changes take one' -r
complete -c masst -n "__fish_masst_using_subcommand watch" -l once -d 'Print one frame and exit'
complete -c masst -n "__fish_masst_using_subcommand watch" -s q -l quiet -d 'Print only results and errors'
complete -c masst -n "__fish_masst_using_subcommand watch" -s v -l verbose -d 'Log more (-v: each AWS call with its duration; -vv: debug)'
complete -c masst -n "__fish_masst_using_subcommand watch" -l all-targets -d 'Run against every target of [targets] (read-only commands only)'
complete -c masst -n "__fish_masst_using_subcommand watch" -s h -l help -d 'Print help'
complete -c masst -n "__fish_masst_using_subcommand report" -s o -l out -d 'The file to write: `.html` (self-contained, the default) or `.md` (Markdown + Mermaid)' -r -F
complete -c masst -n "__fish_masst_using_subcommand report" -l scenario -d 'Use an embedded scenario instead of live AWS' -r -f -a "batch-backlog\t''
conservative-limits\t''
dlq-retryable\t''
flash-sale\t''
healthy\t''
priority-inversion\t''"
complete -c masst -n "__fish_masst_using_subcommand report" -l from -d 'Use a snapshot file' -r -F
complete -c masst -n "__fish_masst_using_subcommand report" -l since -d 'Journal entries from this time (a timestamp, or a duration before the evidence such as `2h`); default: the evidence\'s window' -r
complete -c masst -n "__fish_masst_using_subcommand report" -l window -d 'How much metric history to read live, e.g. `60m`, `2h`' -r
complete -c masst -n "__fish_masst_using_subcommand report" -l output -d 'Output format: human text, or one JSON document on stdout' -r -f -a "human\t''
json\t''"
complete -c masst -n "__fish_masst_using_subcommand report" -l config -d 'Configuration file (default: ./masst.toml, then $XDG_CONFIG_HOME/masst/masst.toml)' -r -F
complete -c masst -n "__fish_masst_using_subcommand report" -l runbooks -d 'Add the runbooks of this folder (or file) to the embedded ones; one with the name of an embedded runbook replaces it' -r -F
complete -c masst -n "__fish_masst_using_subcommand report" -l only-runbooks -d 'Use exactly the runbooks of this folder (or file), none of the embedded ones' -r -F
complete -c masst -n "__fish_masst_using_subcommand report" -l profile -d 'AWS profile (default: AWS_PROFILE, then [aws] profile in masst.toml)' -r
complete -c masst -n "__fish_masst_using_subcommand report" -l region -d 'AWS region (default: AWS_REGION, then the profile, then [aws] region)' -r
complete -c masst -n "__fish_masst_using_subcommand report" -l endpoint-url -d 'Send every AWS call to this endpoint (default: AWS_ENDPOINT_URL, then [aws] endpoint_url)' -r
complete -c masst -n "__fish_masst_using_subcommand report" -l journal -d 'The change journal (default: $XDG_STATE_HOME/masst/journal.jsonl)' -r -F
complete -c masst -n "__fish_masst_using_subcommand report" -l target -d 'Run against this target of [targets] in masst.toml (repeatable; default: MASST_TARGET, comma-separated). Read-only commands read every target given; changes take one' -r
complete -c masst -n "__fish_masst_using_subcommand report" -s q -l quiet -d 'Print only results and errors'
complete -c masst -n "__fish_masst_using_subcommand report" -s v -l verbose -d 'Log more (-v: each AWS call with its duration; -vv: debug)'
complete -c masst -n "__fish_masst_using_subcommand report" -l all-targets -d 'Run against every target of [targets] (read-only commands only)'
complete -c masst -n "__fish_masst_using_subcommand report" -s h -l help -d 'Print help'
complete -c masst -n "__fish_masst_using_subcommand lab; and not __fish_seen_subcommand_from up down drill help" -l output -d 'Output format: human text, or one JSON document on stdout' -r -f -a "human\t''
json\t''"
complete -c masst -n "__fish_masst_using_subcommand lab; and not __fish_seen_subcommand_from up down drill help" -l config -d 'Configuration file (default: ./masst.toml, then $XDG_CONFIG_HOME/masst/masst.toml)' -r -F
complete -c masst -n "__fish_masst_using_subcommand lab; and not __fish_seen_subcommand_from up down drill help" -l runbooks -d 'Add the runbooks of this folder (or file) to the embedded ones; one with the name of an embedded runbook replaces it' -r -F
complete -c masst -n "__fish_masst_using_subcommand lab; and not __fish_seen_subcommand_from up down drill help" -l only-runbooks -d 'Use exactly the runbooks of this folder (or file), none of the embedded ones' -r -F
complete -c masst -n "__fish_masst_using_subcommand lab; and not __fish_seen_subcommand_from up down drill help" -l profile -d 'AWS profile (default: AWS_PROFILE, then [aws] profile in masst.toml)' -r
complete -c masst -n "__fish_masst_using_subcommand lab; and not __fish_seen_subcommand_from up down drill help" -l region -d 'AWS region (default: AWS_REGION, then the profile, then [aws] region)' -r
complete -c masst -n "__fish_masst_using_subcommand lab; and not __fish_seen_subcommand_from up down drill help" -l endpoint-url -d 'Send every AWS call to this endpoint (default: AWS_ENDPOINT_URL, then [aws] endpoint_url)' -r
complete -c masst -n "__fish_masst_using_subcommand lab; and not __fish_seen_subcommand_from up down drill help" -l journal -d 'The change journal (default: $XDG_STATE_HOME/masst/journal.jsonl)' -r -F
complete -c masst -n "__fish_masst_using_subcommand lab; and not __fish_seen_subcommand_from up down drill help" -l target -d 'Run against this target of [targets] in masst.toml (repeatable; default: MASST_TARGET, comma-separated). Read-only commands read every target given; changes take one' -r
complete -c masst -n "__fish_masst_using_subcommand lab; and not __fish_seen_subcommand_from up down drill help" -s q -l quiet -d 'Print only results and errors'
complete -c masst -n "__fish_masst_using_subcommand lab; and not __fish_seen_subcommand_from up down drill help" -s v -l verbose -d 'Log more (-v: each AWS call with its duration; -vv: debug)'
complete -c masst -n "__fish_masst_using_subcommand lab; and not __fish_seen_subcommand_from up down drill help" -l all-targets -d 'Run against every target of [targets] (read-only commands only)'
complete -c masst -n "__fish_masst_using_subcommand lab; and not __fish_seen_subcommand_from up down drill help" -s h -l help -d 'Print help'
complete -c masst -n "__fish_masst_using_subcommand lab; and not __fish_seen_subcommand_from up down drill help" -f -a "up" -d 'Create the scenario\'s queues, messages, AppConfig document, ECS services and an hour of metric history. Refuses any endpoint that is not on this machine'
complete -c masst -n "__fish_masst_using_subcommand lab; and not __fish_seen_subcommand_from up down drill help" -f -a "down" -d 'Remove what `lab up` created (metric history stays: CloudWatch cannot delete it)'
complete -c masst -n "__fish_masst_using_subcommand lab; and not __fish_seen_subcommand_from up down drill help" -f -a "drill" -d 'Run a practice incident: build the scenario, then step it minute by minute against what you change (with masst or anything else), and score how it went'
complete -c masst -n "__fish_masst_using_subcommand lab; and not __fish_seen_subcommand_from up down drill help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c masst -n "__fish_masst_using_subcommand lab; and __fish_seen_subcommand_from up" -l scenario -d 'The scenario to build' -r -f -a "batch-backlog\t''
conservative-limits\t''
dlq-retryable\t''
flash-sale\t''
healthy\t''
priority-inversion\t''"
complete -c masst -n "__fish_masst_using_subcommand lab; and __fish_seen_subcommand_from up" -l scenario-file -d 'Build the world of a scenario file instead (TOML, as in scenarios/)' -r -F
complete -c masst -n "__fish_masst_using_subcommand lab; and __fish_seen_subcommand_from up" -l output -d 'Output format: human text, or one JSON document on stdout' -r -f -a "human\t''
json\t''"
complete -c masst -n "__fish_masst_using_subcommand lab; and __fish_seen_subcommand_from up" -l config -d 'Configuration file (default: ./masst.toml, then $XDG_CONFIG_HOME/masst/masst.toml)' -r -F
complete -c masst -n "__fish_masst_using_subcommand lab; and __fish_seen_subcommand_from up" -l runbooks -d 'Add the runbooks of this folder (or file) to the embedded ones; one with the name of an embedded runbook replaces it' -r -F
complete -c masst -n "__fish_masst_using_subcommand lab; and __fish_seen_subcommand_from up" -l only-runbooks -d 'Use exactly the runbooks of this folder (or file), none of the embedded ones' -r -F
complete -c masst -n "__fish_masst_using_subcommand lab; and __fish_seen_subcommand_from up" -l profile -d 'AWS profile (default: AWS_PROFILE, then [aws] profile in masst.toml)' -r
complete -c masst -n "__fish_masst_using_subcommand lab; and __fish_seen_subcommand_from up" -l region -d 'AWS region (default: AWS_REGION, then the profile, then [aws] region)' -r
complete -c masst -n "__fish_masst_using_subcommand lab; and __fish_seen_subcommand_from up" -l endpoint-url -d 'Send every AWS call to this endpoint (default: AWS_ENDPOINT_URL, then [aws] endpoint_url)' -r
complete -c masst -n "__fish_masst_using_subcommand lab; and __fish_seen_subcommand_from up" -l journal -d 'The change journal (default: $XDG_STATE_HOME/masst/journal.jsonl)' -r -F
complete -c masst -n "__fish_masst_using_subcommand lab; and __fish_seen_subcommand_from up" -l target -d 'Run against this target of [targets] in masst.toml (repeatable; default: MASST_TARGET, comma-separated). Read-only commands read every target given; changes take one' -r
complete -c masst -n "__fish_masst_using_subcommand lab; and __fish_seen_subcommand_from up" -s q -l quiet -d 'Print only results and errors'
complete -c masst -n "__fish_masst_using_subcommand lab; and __fish_seen_subcommand_from up" -s v -l verbose -d 'Log more (-v: each AWS call with its duration; -vv: debug)'
complete -c masst -n "__fish_masst_using_subcommand lab; and __fish_seen_subcommand_from up" -l all-targets -d 'Run against every target of [targets] (read-only commands only)'
complete -c masst -n "__fish_masst_using_subcommand lab; and __fish_seen_subcommand_from up" -s h -l help -d 'Print help'
complete -c masst -n "__fish_masst_using_subcommand lab; and __fish_seen_subcommand_from down" -l output -d 'Output format: human text, or one JSON document on stdout' -r -f -a "human\t''
json\t''"
complete -c masst -n "__fish_masst_using_subcommand lab; and __fish_seen_subcommand_from down" -l config -d 'Configuration file (default: ./masst.toml, then $XDG_CONFIG_HOME/masst/masst.toml)' -r -F
complete -c masst -n "__fish_masst_using_subcommand lab; and __fish_seen_subcommand_from down" -l runbooks -d 'Add the runbooks of this folder (or file) to the embedded ones; one with the name of an embedded runbook replaces it' -r -F
complete -c masst -n "__fish_masst_using_subcommand lab; and __fish_seen_subcommand_from down" -l only-runbooks -d 'Use exactly the runbooks of this folder (or file), none of the embedded ones' -r -F
complete -c masst -n "__fish_masst_using_subcommand lab; and __fish_seen_subcommand_from down" -l profile -d 'AWS profile (default: AWS_PROFILE, then [aws] profile in masst.toml)' -r
complete -c masst -n "__fish_masst_using_subcommand lab; and __fish_seen_subcommand_from down" -l region -d 'AWS region (default: AWS_REGION, then the profile, then [aws] region)' -r
complete -c masst -n "__fish_masst_using_subcommand lab; and __fish_seen_subcommand_from down" -l endpoint-url -d 'Send every AWS call to this endpoint (default: AWS_ENDPOINT_URL, then [aws] endpoint_url)' -r
complete -c masst -n "__fish_masst_using_subcommand lab; and __fish_seen_subcommand_from down" -l journal -d 'The change journal (default: $XDG_STATE_HOME/masst/journal.jsonl)' -r -F
complete -c masst -n "__fish_masst_using_subcommand lab; and __fish_seen_subcommand_from down" -l target -d 'Run against this target of [targets] in masst.toml (repeatable; default: MASST_TARGET, comma-separated). Read-only commands read every target given; changes take one' -r
complete -c masst -n "__fish_masst_using_subcommand lab; and __fish_seen_subcommand_from down" -s q -l quiet -d 'Print only results and errors'
complete -c masst -n "__fish_masst_using_subcommand lab; and __fish_seen_subcommand_from down" -s v -l verbose -d 'Log more (-v: each AWS call with its duration; -vv: debug)'
complete -c masst -n "__fish_masst_using_subcommand lab; and __fish_seen_subcommand_from down" -l all-targets -d 'Run against every target of [targets] (read-only commands only)'
complete -c masst -n "__fish_masst_using_subcommand lab; and __fish_seen_subcommand_from down" -s h -l help -d 'Print help'
complete -c masst -n "__fish_masst_using_subcommand lab; and __fish_seen_subcommand_from drill" -l scenario -d 'The scenario to run' -r -f -a "batch-backlog\t''
conservative-limits\t''
dlq-retryable\t''
flash-sale\t''
healthy\t''
priority-inversion\t''"
complete -c masst -n "__fish_masst_using_subcommand lab; and __fish_seen_subcommand_from drill" -l speed -d 'Simulated minutes per real minute (60: one simulated minute each second)' -r
complete -c masst -n "__fish_masst_using_subcommand lab; and __fish_seen_subcommand_from drill" -l minutes -d 'Stop after this many simulated minutes (sooner once recovery has held for 5)' -r
complete -c masst -n "__fish_masst_using_subcommand lab; and __fish_seen_subcommand_from drill" -l seed -d 'The seed of the demand\'s noise: the same seed gives the same drill' -r
complete -c masst -n "__fish_masst_using_subcommand lab; and __fish_seen_subcommand_from drill" -l output -d 'Output format: human text, or one JSON document on stdout' -r -f -a "human\t''
json\t''"
complete -c masst -n "__fish_masst_using_subcommand lab; and __fish_seen_subcommand_from drill" -l config -d 'Configuration file (default: ./masst.toml, then $XDG_CONFIG_HOME/masst/masst.toml)' -r -F
complete -c masst -n "__fish_masst_using_subcommand lab; and __fish_seen_subcommand_from drill" -l runbooks -d 'Add the runbooks of this folder (or file) to the embedded ones; one with the name of an embedded runbook replaces it' -r -F
complete -c masst -n "__fish_masst_using_subcommand lab; and __fish_seen_subcommand_from drill" -l only-runbooks -d 'Use exactly the runbooks of this folder (or file), none of the embedded ones' -r -F
complete -c masst -n "__fish_masst_using_subcommand lab; and __fish_seen_subcommand_from drill" -l profile -d 'AWS profile (default: AWS_PROFILE, then [aws] profile in masst.toml)' -r
complete -c masst -n "__fish_masst_using_subcommand lab; and __fish_seen_subcommand_from drill" -l region -d 'AWS region (default: AWS_REGION, then the profile, then [aws] region)' -r
complete -c masst -n "__fish_masst_using_subcommand lab; and __fish_seen_subcommand_from drill" -l endpoint-url -d 'Send every AWS call to this endpoint (default: AWS_ENDPOINT_URL, then [aws] endpoint_url)' -r
complete -c masst -n "__fish_masst_using_subcommand lab; and __fish_seen_subcommand_from drill" -l journal -d 'The change journal (default: $XDG_STATE_HOME/masst/journal.jsonl)' -r -F
complete -c masst -n "__fish_masst_using_subcommand lab; and __fish_seen_subcommand_from drill" -l target -d 'Run against this target of [targets] in masst.toml (repeatable; default: MASST_TARGET, comma-separated). Read-only commands read every target given; changes take one' -r
complete -c masst -n "__fish_masst_using_subcommand lab; and __fish_seen_subcommand_from drill" -s q -l quiet -d 'Print only results and errors'
complete -c masst -n "__fish_masst_using_subcommand lab; and __fish_seen_subcommand_from drill" -s v -l verbose -d 'Log more (-v: each AWS call with its duration; -vv: debug)'
complete -c masst -n "__fish_masst_using_subcommand lab; and __fish_seen_subcommand_from drill" -l all-targets -d 'Run against every target of [targets] (read-only commands only)'
complete -c masst -n "__fish_masst_using_subcommand lab; and __fish_seen_subcommand_from drill" -s h -l help -d 'Print help'
complete -c masst -n "__fish_masst_using_subcommand lab; and __fish_seen_subcommand_from help" -f -a "up" -d 'Create the scenario\'s queues, messages, AppConfig document, ECS services and an hour of metric history. Refuses any endpoint that is not on this machine'
complete -c masst -n "__fish_masst_using_subcommand lab; and __fish_seen_subcommand_from help" -f -a "down" -d 'Remove what `lab up` created (metric history stays: CloudWatch cannot delete it)'
complete -c masst -n "__fish_masst_using_subcommand lab; and __fish_seen_subcommand_from help" -f -a "drill" -d 'Run a practice incident: build the scenario, then step it minute by minute against what you change (with masst or anything else), and score how it went'
complete -c masst -n "__fish_masst_using_subcommand lab; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c masst -n "__fish_masst_using_subcommand config; and not __fish_seen_subcommand_from show help" -l output -d 'Output format: human text, or one JSON document on stdout' -r -f -a "human\t''
json\t''"
complete -c masst -n "__fish_masst_using_subcommand config; and not __fish_seen_subcommand_from show help" -l config -d 'Configuration file (default: ./masst.toml, then $XDG_CONFIG_HOME/masst/masst.toml)' -r -F
complete -c masst -n "__fish_masst_using_subcommand config; and not __fish_seen_subcommand_from show help" -l runbooks -d 'Add the runbooks of this folder (or file) to the embedded ones; one with the name of an embedded runbook replaces it' -r -F
complete -c masst -n "__fish_masst_using_subcommand config; and not __fish_seen_subcommand_from show help" -l only-runbooks -d 'Use exactly the runbooks of this folder (or file), none of the embedded ones' -r -F
complete -c masst -n "__fish_masst_using_subcommand config; and not __fish_seen_subcommand_from show help" -l profile -d 'AWS profile (default: AWS_PROFILE, then [aws] profile in masst.toml)' -r
complete -c masst -n "__fish_masst_using_subcommand config; and not __fish_seen_subcommand_from show help" -l region -d 'AWS region (default: AWS_REGION, then the profile, then [aws] region)' -r
complete -c masst -n "__fish_masst_using_subcommand config; and not __fish_seen_subcommand_from show help" -l endpoint-url -d 'Send every AWS call to this endpoint (default: AWS_ENDPOINT_URL, then [aws] endpoint_url)' -r
complete -c masst -n "__fish_masst_using_subcommand config; and not __fish_seen_subcommand_from show help" -l journal -d 'The change journal (default: $XDG_STATE_HOME/masst/journal.jsonl)' -r -F
complete -c masst -n "__fish_masst_using_subcommand config; and not __fish_seen_subcommand_from show help" -l target -d 'Run against this target of [targets] in masst.toml (repeatable; default: MASST_TARGET, comma-separated). Read-only commands read every target given; changes take one' -r
complete -c masst -n "__fish_masst_using_subcommand config; and not __fish_seen_subcommand_from show help" -s q -l quiet -d 'Print only results and errors'
complete -c masst -n "__fish_masst_using_subcommand config; and not __fish_seen_subcommand_from show help" -s v -l verbose -d 'Log more (-v: each AWS call with its duration; -vv: debug)'
complete -c masst -n "__fish_masst_using_subcommand config; and not __fish_seen_subcommand_from show help" -l all-targets -d 'Run against every target of [targets] (read-only commands only)'
complete -c masst -n "__fish_masst_using_subcommand config; and not __fish_seen_subcommand_from show help" -s h -l help -d 'Print help'
complete -c masst -n "__fish_masst_using_subcommand config; and not __fish_seen_subcommand_from show help" -f -a "show" -d 'Print every setting with its value and origin'
complete -c masst -n "__fish_masst_using_subcommand config; and not __fish_seen_subcommand_from show help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c masst -n "__fish_masst_using_subcommand config; and __fish_seen_subcommand_from show" -l output -d 'Output format: human text, or one JSON document on stdout' -r -f -a "human\t''
json\t''"
complete -c masst -n "__fish_masst_using_subcommand config; and __fish_seen_subcommand_from show" -l config -d 'Configuration file (default: ./masst.toml, then $XDG_CONFIG_HOME/masst/masst.toml)' -r -F
complete -c masst -n "__fish_masst_using_subcommand config; and __fish_seen_subcommand_from show" -l runbooks -d 'Add the runbooks of this folder (or file) to the embedded ones; one with the name of an embedded runbook replaces it' -r -F
complete -c masst -n "__fish_masst_using_subcommand config; and __fish_seen_subcommand_from show" -l only-runbooks -d 'Use exactly the runbooks of this folder (or file), none of the embedded ones' -r -F
complete -c masst -n "__fish_masst_using_subcommand config; and __fish_seen_subcommand_from show" -l profile -d 'AWS profile (default: AWS_PROFILE, then [aws] profile in masst.toml)' -r
complete -c masst -n "__fish_masst_using_subcommand config; and __fish_seen_subcommand_from show" -l region -d 'AWS region (default: AWS_REGION, then the profile, then [aws] region)' -r
complete -c masst -n "__fish_masst_using_subcommand config; and __fish_seen_subcommand_from show" -l endpoint-url -d 'Send every AWS call to this endpoint (default: AWS_ENDPOINT_URL, then [aws] endpoint_url)' -r
complete -c masst -n "__fish_masst_using_subcommand config; and __fish_seen_subcommand_from show" -l journal -d 'The change journal (default: $XDG_STATE_HOME/masst/journal.jsonl)' -r -F
complete -c masst -n "__fish_masst_using_subcommand config; and __fish_seen_subcommand_from show" -l target -d 'Run against this target of [targets] in masst.toml (repeatable; default: MASST_TARGET, comma-separated). Read-only commands read every target given; changes take one' -r
complete -c masst -n "__fish_masst_using_subcommand config; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print only results and errors'
complete -c masst -n "__fish_masst_using_subcommand config; and __fish_seen_subcommand_from show" -s v -l verbose -d 'Log more (-v: each AWS call with its duration; -vv: debug)'
complete -c masst -n "__fish_masst_using_subcommand config; and __fish_seen_subcommand_from show" -l all-targets -d 'Run against every target of [targets] (read-only commands only)'
complete -c masst -n "__fish_masst_using_subcommand config; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help'
complete -c masst -n "__fish_masst_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "show" -d 'Print every setting with its value and origin'
complete -c masst -n "__fish_masst_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c masst -n "__fish_masst_using_subcommand analytics; and not __fish_seen_subcommand_from pause resume help" -l output -d 'Output format: human text, or one JSON document on stdout' -r -f -a "human\t''
json\t''"
complete -c masst -n "__fish_masst_using_subcommand analytics; and not __fish_seen_subcommand_from pause resume help" -l config -d 'Configuration file (default: ./masst.toml, then $XDG_CONFIG_HOME/masst/masst.toml)' -r -F
complete -c masst -n "__fish_masst_using_subcommand analytics; and not __fish_seen_subcommand_from pause resume help" -l runbooks -d 'Add the runbooks of this folder (or file) to the embedded ones; one with the name of an embedded runbook replaces it' -r -F
complete -c masst -n "__fish_masst_using_subcommand analytics; and not __fish_seen_subcommand_from pause resume help" -l only-runbooks -d 'Use exactly the runbooks of this folder (or file), none of the embedded ones' -r -F
complete -c masst -n "__fish_masst_using_subcommand analytics; and not __fish_seen_subcommand_from pause resume help" -l profile -d 'AWS profile (default: AWS_PROFILE, then [aws] profile in masst.toml)' -r
complete -c masst -n "__fish_masst_using_subcommand analytics; and not __fish_seen_subcommand_from pause resume help" -l region -d 'AWS region (default: AWS_REGION, then the profile, then [aws] region)' -r
complete -c masst -n "__fish_masst_using_subcommand analytics; and not __fish_seen_subcommand_from pause resume help" -l endpoint-url -d 'Send every AWS call to this endpoint (default: AWS_ENDPOINT_URL, then [aws] endpoint_url)' -r
complete -c masst -n "__fish_masst_using_subcommand analytics; and not __fish_seen_subcommand_from pause resume help" -l journal -d 'The change journal (default: $XDG_STATE_HOME/masst/journal.jsonl)' -r -F
complete -c masst -n "__fish_masst_using_subcommand analytics; and not __fish_seen_subcommand_from pause resume help" -l target -d 'Run against this target of [targets] in masst.toml (repeatable; default: MASST_TARGET, comma-separated). Read-only commands read every target given; changes take one' -r
complete -c masst -n "__fish_masst_using_subcommand analytics; and not __fish_seen_subcommand_from pause resume help" -s q -l quiet -d 'Print only results and errors'
complete -c masst -n "__fish_masst_using_subcommand analytics; and not __fish_seen_subcommand_from pause resume help" -s v -l verbose -d 'Log more (-v: each AWS call with its duration; -vv: debug)'
complete -c masst -n "__fish_masst_using_subcommand analytics; and not __fish_seen_subcommand_from pause resume help" -l all-targets -d 'Run against every target of [targets] (read-only commands only)'
complete -c masst -n "__fish_masst_using_subcommand analytics; and not __fish_seen_subcommand_from pause resume help" -s h -l help -d 'Print help'
complete -c masst -n "__fish_masst_using_subcommand analytics; and not __fish_seen_subcommand_from pause resume help" -f -a "pause" -d 'Pause (journaled; `masst undo` reverses it)'
complete -c masst -n "__fish_masst_using_subcommand analytics; and not __fish_seen_subcommand_from pause resume help" -f -a "resume" -d 'Resume'
complete -c masst -n "__fish_masst_using_subcommand analytics; and not __fish_seen_subcommand_from pause resume help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c masst -n "__fish_masst_using_subcommand analytics; and __fish_seen_subcommand_from pause" -l diagnosis -d 'The diagnosis that offered this action (set by `diagnose --apply`)' -r
complete -c masst -n "__fish_masst_using_subcommand analytics; and __fish_seen_subcommand_from pause" -l verify-timeout -d 'With --verify: give up after this long (default: the outcome\'s recovery budget)' -r
complete -c masst -n "__fish_masst_using_subcommand analytics; and __fish_seen_subcommand_from pause" -l verify-every -d 'With --verify: read the evidence again this often' -r
complete -c masst -n "__fish_masst_using_subcommand analytics; and __fish_seen_subcommand_from pause" -l output -d 'Output format: human text, or one JSON document on stdout' -r -f -a "human\t''
json\t''"
complete -c masst -n "__fish_masst_using_subcommand analytics; and __fish_seen_subcommand_from pause" -l config -d 'Configuration file (default: ./masst.toml, then $XDG_CONFIG_HOME/masst/masst.toml)' -r -F
complete -c masst -n "__fish_masst_using_subcommand analytics; and __fish_seen_subcommand_from pause" -l runbooks -d 'Add the runbooks of this folder (or file) to the embedded ones; one with the name of an embedded runbook replaces it' -r -F
complete -c masst -n "__fish_masst_using_subcommand analytics; and __fish_seen_subcommand_from pause" -l only-runbooks -d 'Use exactly the runbooks of this folder (or file), none of the embedded ones' -r -F
complete -c masst -n "__fish_masst_using_subcommand analytics; and __fish_seen_subcommand_from pause" -l profile -d 'AWS profile (default: AWS_PROFILE, then [aws] profile in masst.toml)' -r
complete -c masst -n "__fish_masst_using_subcommand analytics; and __fish_seen_subcommand_from pause" -l region -d 'AWS region (default: AWS_REGION, then the profile, then [aws] region)' -r
complete -c masst -n "__fish_masst_using_subcommand analytics; and __fish_seen_subcommand_from pause" -l endpoint-url -d 'Send every AWS call to this endpoint (default: AWS_ENDPOINT_URL, then [aws] endpoint_url)' -r
complete -c masst -n "__fish_masst_using_subcommand analytics; and __fish_seen_subcommand_from pause" -l journal -d 'The change journal (default: $XDG_STATE_HOME/masst/journal.jsonl)' -r -F
complete -c masst -n "__fish_masst_using_subcommand analytics; and __fish_seen_subcommand_from pause" -l target -d 'Run against this target of [targets] in masst.toml (repeatable; default: MASST_TARGET, comma-separated). Read-only commands read every target given; changes take one' -r
complete -c masst -n "__fish_masst_using_subcommand analytics; and __fish_seen_subcommand_from pause" -s y -l yes -d 'Apply without asking (needed when stdin is not a terminal)'
complete -c masst -n "__fish_masst_using_subcommand analytics; and __fish_seen_subcommand_from pause" -l dry-run -d 'Show the plan and change nothing'
complete -c masst -n "__fish_masst_using_subcommand analytics; and __fish_seen_subcommand_from pause" -l force -d 'Override the quota guard (for undo: a state that changed since)'
complete -c masst -n "__fish_masst_using_subcommand analytics; and __fish_seen_subcommand_from pause" -l no-wait -d 'Return once an AppConfig deployment has started instead of following it'
complete -c masst -n "__fish_masst_using_subcommand analytics; and __fish_seen_subcommand_from pause" -l verify -d 'After the change, watch the runbook that offered it (or those whose outcomes list the action) until the incident recovers; on `worse`, offer `masst undo` on a terminal'
complete -c masst -n "__fish_masst_using_subcommand analytics; and __fish_seen_subcommand_from pause" -s q -l quiet -d 'Print only results and errors'
complete -c masst -n "__fish_masst_using_subcommand analytics; and __fish_seen_subcommand_from pause" -s v -l verbose -d 'Log more (-v: each AWS call with its duration; -vv: debug)'
complete -c masst -n "__fish_masst_using_subcommand analytics; and __fish_seen_subcommand_from pause" -l all-targets -d 'Run against every target of [targets] (read-only commands only)'
complete -c masst -n "__fish_masst_using_subcommand analytics; and __fish_seen_subcommand_from pause" -s h -l help -d 'Print help'
complete -c masst -n "__fish_masst_using_subcommand analytics; and __fish_seen_subcommand_from resume" -l diagnosis -d 'The diagnosis that offered this action (set by `diagnose --apply`)' -r
complete -c masst -n "__fish_masst_using_subcommand analytics; and __fish_seen_subcommand_from resume" -l verify-timeout -d 'With --verify: give up after this long (default: the outcome\'s recovery budget)' -r
complete -c masst -n "__fish_masst_using_subcommand analytics; and __fish_seen_subcommand_from resume" -l verify-every -d 'With --verify: read the evidence again this often' -r
complete -c masst -n "__fish_masst_using_subcommand analytics; and __fish_seen_subcommand_from resume" -l output -d 'Output format: human text, or one JSON document on stdout' -r -f -a "human\t''
json\t''"
complete -c masst -n "__fish_masst_using_subcommand analytics; and __fish_seen_subcommand_from resume" -l config -d 'Configuration file (default: ./masst.toml, then $XDG_CONFIG_HOME/masst/masst.toml)' -r -F
complete -c masst -n "__fish_masst_using_subcommand analytics; and __fish_seen_subcommand_from resume" -l runbooks -d 'Add the runbooks of this folder (or file) to the embedded ones; one with the name of an embedded runbook replaces it' -r -F
complete -c masst -n "__fish_masst_using_subcommand analytics; and __fish_seen_subcommand_from resume" -l only-runbooks -d 'Use exactly the runbooks of this folder (or file), none of the embedded ones' -r -F
complete -c masst -n "__fish_masst_using_subcommand analytics; and __fish_seen_subcommand_from resume" -l profile -d 'AWS profile (default: AWS_PROFILE, then [aws] profile in masst.toml)' -r
complete -c masst -n "__fish_masst_using_subcommand analytics; and __fish_seen_subcommand_from resume" -l region -d 'AWS region (default: AWS_REGION, then the profile, then [aws] region)' -r
complete -c masst -n "__fish_masst_using_subcommand analytics; and __fish_seen_subcommand_from resume" -l endpoint-url -d 'Send every AWS call to this endpoint (default: AWS_ENDPOINT_URL, then [aws] endpoint_url)' -r
complete -c masst -n "__fish_masst_using_subcommand analytics; and __fish_seen_subcommand_from resume" -l journal -d 'The change journal (default: $XDG_STATE_HOME/masst/journal.jsonl)' -r -F
complete -c masst -n "__fish_masst_using_subcommand analytics; and __fish_seen_subcommand_from resume" -l target -d 'Run against this target of [targets] in masst.toml (repeatable; default: MASST_TARGET, comma-separated). Read-only commands read every target given; changes take one' -r
complete -c masst -n "__fish_masst_using_subcommand analytics; and __fish_seen_subcommand_from resume" -s y -l yes -d 'Apply without asking (needed when stdin is not a terminal)'
complete -c masst -n "__fish_masst_using_subcommand analytics; and __fish_seen_subcommand_from resume" -l dry-run -d 'Show the plan and change nothing'
complete -c masst -n "__fish_masst_using_subcommand analytics; and __fish_seen_subcommand_from resume" -l force -d 'Override the quota guard (for undo: a state that changed since)'
complete -c masst -n "__fish_masst_using_subcommand analytics; and __fish_seen_subcommand_from resume" -l no-wait -d 'Return once an AppConfig deployment has started instead of following it'
complete -c masst -n "__fish_masst_using_subcommand analytics; and __fish_seen_subcommand_from resume" -l verify -d 'After the change, watch the runbook that offered it (or those whose outcomes list the action) until the incident recovers; on `worse`, offer `masst undo` on a terminal'
complete -c masst -n "__fish_masst_using_subcommand analytics; and __fish_seen_subcommand_from resume" -s q -l quiet -d 'Print only results and errors'
complete -c masst -n "__fish_masst_using_subcommand analytics; and __fish_seen_subcommand_from resume" -s v -l verbose -d 'Log more (-v: each AWS call with its duration; -vv: debug)'
complete -c masst -n "__fish_masst_using_subcommand analytics; and __fish_seen_subcommand_from resume" -l all-targets -d 'Run against every target of [targets] (read-only commands only)'
complete -c masst -n "__fish_masst_using_subcommand analytics; and __fish_seen_subcommand_from resume" -s h -l help -d 'Print help'
complete -c masst -n "__fish_masst_using_subcommand analytics; and __fish_seen_subcommand_from help" -f -a "pause" -d 'Pause (journaled; `masst undo` reverses it)'
complete -c masst -n "__fish_masst_using_subcommand analytics; and __fish_seen_subcommand_from help" -f -a "resume" -d 'Resume'
complete -c masst -n "__fish_masst_using_subcommand analytics; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c masst -n "__fish_masst_using_subcommand concurrency; and not __fish_seen_subcommand_from set help" -l output -d 'Output format: human text, or one JSON document on stdout' -r -f -a "human\t''
json\t''"
complete -c masst -n "__fish_masst_using_subcommand concurrency; and not __fish_seen_subcommand_from set help" -l config -d 'Configuration file (default: ./masst.toml, then $XDG_CONFIG_HOME/masst/masst.toml)' -r -F
complete -c masst -n "__fish_masst_using_subcommand concurrency; and not __fish_seen_subcommand_from set help" -l runbooks -d 'Add the runbooks of this folder (or file) to the embedded ones; one with the name of an embedded runbook replaces it' -r -F
complete -c masst -n "__fish_masst_using_subcommand concurrency; and not __fish_seen_subcommand_from set help" -l only-runbooks -d 'Use exactly the runbooks of this folder (or file), none of the embedded ones' -r -F
complete -c masst -n "__fish_masst_using_subcommand concurrency; and not __fish_seen_subcommand_from set help" -l profile -d 'AWS profile (default: AWS_PROFILE, then [aws] profile in masst.toml)' -r
complete -c masst -n "__fish_masst_using_subcommand concurrency; and not __fish_seen_subcommand_from set help" -l region -d 'AWS region (default: AWS_REGION, then the profile, then [aws] region)' -r
complete -c masst -n "__fish_masst_using_subcommand concurrency; and not __fish_seen_subcommand_from set help" -l endpoint-url -d 'Send every AWS call to this endpoint (default: AWS_ENDPOINT_URL, then [aws] endpoint_url)' -r
complete -c masst -n "__fish_masst_using_subcommand concurrency; and not __fish_seen_subcommand_from set help" -l journal -d 'The change journal (default: $XDG_STATE_HOME/masst/journal.jsonl)' -r -F
complete -c masst -n "__fish_masst_using_subcommand concurrency; and not __fish_seen_subcommand_from set help" -l target -d 'Run against this target of [targets] in masst.toml (repeatable; default: MASST_TARGET, comma-separated). Read-only commands read every target given; changes take one' -r
complete -c masst -n "__fish_masst_using_subcommand concurrency; and not __fish_seen_subcommand_from set help" -s q -l quiet -d 'Print only results and errors'
complete -c masst -n "__fish_masst_using_subcommand concurrency; and not __fish_seen_subcommand_from set help" -s v -l verbose -d 'Log more (-v: each AWS call with its duration; -vv: debug)'
complete -c masst -n "__fish_masst_using_subcommand concurrency; and not __fish_seen_subcommand_from set help" -l all-targets -d 'Run against every target of [targets] (read-only commands only)'
complete -c masst -n "__fish_masst_using_subcommand concurrency; and not __fish_seen_subcommand_from set help" -s h -l help -d 'Print help'
complete -c masst -n "__fish_masst_using_subcommand concurrency; and not __fish_seen_subcommand_from set help" -f -a "set" -d 'Set a pool\'s max_concurrency for a model; refused if the model\'s pools would exceed its quota'
complete -c masst -n "__fish_masst_using_subcommand concurrency; and not __fish_seen_subcommand_from set help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c masst -n "__fish_masst_using_subcommand concurrency; and __fish_seen_subcommand_from set" -l pool -d 'The pool: realtime, batch or analytics' -r -f -a "realtime\t''
batch\t''
analytics\t''"
complete -c masst -n "__fish_masst_using_subcommand concurrency; and __fish_seen_subcommand_from set" -l diagnosis -d 'The diagnosis that offered this action (set by `diagnose --apply`)' -r
complete -c masst -n "__fish_masst_using_subcommand concurrency; and __fish_seen_subcommand_from set" -l verify-timeout -d 'With --verify: give up after this long (default: the outcome\'s recovery budget)' -r
complete -c masst -n "__fish_masst_using_subcommand concurrency; and __fish_seen_subcommand_from set" -l verify-every -d 'With --verify: read the evidence again this often' -r
complete -c masst -n "__fish_masst_using_subcommand concurrency; and __fish_seen_subcommand_from set" -l output -d 'Output format: human text, or one JSON document on stdout' -r -f -a "human\t''
json\t''"
complete -c masst -n "__fish_masst_using_subcommand concurrency; and __fish_seen_subcommand_from set" -l config -d 'Configuration file (default: ./masst.toml, then $XDG_CONFIG_HOME/masst/masst.toml)' -r -F
complete -c masst -n "__fish_masst_using_subcommand concurrency; and __fish_seen_subcommand_from set" -l runbooks -d 'Add the runbooks of this folder (or file) to the embedded ones; one with the name of an embedded runbook replaces it' -r -F
complete -c masst -n "__fish_masst_using_subcommand concurrency; and __fish_seen_subcommand_from set" -l only-runbooks -d 'Use exactly the runbooks of this folder (or file), none of the embedded ones' -r -F
complete -c masst -n "__fish_masst_using_subcommand concurrency; and __fish_seen_subcommand_from set" -l profile -d 'AWS profile (default: AWS_PROFILE, then [aws] profile in masst.toml)' -r
complete -c masst -n "__fish_masst_using_subcommand concurrency; and __fish_seen_subcommand_from set" -l region -d 'AWS region (default: AWS_REGION, then the profile, then [aws] region)' -r
complete -c masst -n "__fish_masst_using_subcommand concurrency; and __fish_seen_subcommand_from set" -l endpoint-url -d 'Send every AWS call to this endpoint (default: AWS_ENDPOINT_URL, then [aws] endpoint_url)' -r
complete -c masst -n "__fish_masst_using_subcommand concurrency; and __fish_seen_subcommand_from set" -l journal -d 'The change journal (default: $XDG_STATE_HOME/masst/journal.jsonl)' -r -F
complete -c masst -n "__fish_masst_using_subcommand concurrency; and __fish_seen_subcommand_from set" -l target -d 'Run against this target of [targets] in masst.toml (repeatable; default: MASST_TARGET, comma-separated). Read-only commands read every target given; changes take one' -r
complete -c masst -n "__fish_masst_using_subcommand concurrency; and __fish_seen_subcommand_from set" -s y -l yes -d 'Apply without asking (needed when stdin is not a terminal)'
complete -c masst -n "__fish_masst_using_subcommand concurrency; and __fish_seen_subcommand_from set" -l dry-run -d 'Show the plan and change nothing'
complete -c masst -n "__fish_masst_using_subcommand concurrency; and __fish_seen_subcommand_from set" -l force -d 'Override the quota guard (for undo: a state that changed since)'
complete -c masst -n "__fish_masst_using_subcommand concurrency; and __fish_seen_subcommand_from set" -l no-wait -d 'Return once an AppConfig deployment has started instead of following it'
complete -c masst -n "__fish_masst_using_subcommand concurrency; and __fish_seen_subcommand_from set" -l verify -d 'After the change, watch the runbook that offered it (or those whose outcomes list the action) until the incident recovers; on `worse`, offer `masst undo` on a terminal'
complete -c masst -n "__fish_masst_using_subcommand concurrency; and __fish_seen_subcommand_from set" -s q -l quiet -d 'Print only results and errors'
complete -c masst -n "__fish_masst_using_subcommand concurrency; and __fish_seen_subcommand_from set" -s v -l verbose -d 'Log more (-v: each AWS call with its duration; -vv: debug)'
complete -c masst -n "__fish_masst_using_subcommand concurrency; and __fish_seen_subcommand_from set" -l all-targets -d 'Run against every target of [targets] (read-only commands only)'
complete -c masst -n "__fish_masst_using_subcommand concurrency; and __fish_seen_subcommand_from set" -s h -l help -d 'Print help'
complete -c masst -n "__fish_masst_using_subcommand concurrency; and __fish_seen_subcommand_from help" -f -a "set" -d 'Set a pool\'s max_concurrency for a model; refused if the model\'s pools would exceed its quota'
complete -c masst -n "__fish_masst_using_subcommand concurrency; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c masst -n "__fish_masst_using_subcommand routing; and not __fish_seen_subcommand_from haiku help" -l output -d 'Output format: human text, or one JSON document on stdout' -r -f -a "human\t''
json\t''"
complete -c masst -n "__fish_masst_using_subcommand routing; and not __fish_seen_subcommand_from haiku help" -l config -d 'Configuration file (default: ./masst.toml, then $XDG_CONFIG_HOME/masst/masst.toml)' -r -F
complete -c masst -n "__fish_masst_using_subcommand routing; and not __fish_seen_subcommand_from haiku help" -l runbooks -d 'Add the runbooks of this folder (or file) to the embedded ones; one with the name of an embedded runbook replaces it' -r -F
complete -c masst -n "__fish_masst_using_subcommand routing; and not __fish_seen_subcommand_from haiku help" -l only-runbooks -d 'Use exactly the runbooks of this folder (or file), none of the embedded ones' -r -F
complete -c masst -n "__fish_masst_using_subcommand routing; and not __fish_seen_subcommand_from haiku help" -l profile -d 'AWS profile (default: AWS_PROFILE, then [aws] profile in masst.toml)' -r
complete -c masst -n "__fish_masst_using_subcommand routing; and not __fish_seen_subcommand_from haiku help" -l region -d 'AWS region (default: AWS_REGION, then the profile, then [aws] region)' -r
complete -c masst -n "__fish_masst_using_subcommand routing; and not __fish_seen_subcommand_from haiku help" -l endpoint-url -d 'Send every AWS call to this endpoint (default: AWS_ENDPOINT_URL, then [aws] endpoint_url)' -r
complete -c masst -n "__fish_masst_using_subcommand routing; and not __fish_seen_subcommand_from haiku help" -l journal -d 'The change journal (default: $XDG_STATE_HOME/masst/journal.jsonl)' -r -F
complete -c masst -n "__fish_masst_using_subcommand routing; and not __fish_seen_subcommand_from haiku help" -l target -d 'Run against this target of [targets] in masst.toml (repeatable; default: MASST_TARGET, comma-separated). Read-only commands read every target given; changes take one' -r
complete -c masst -n "__fish_masst_using_subcommand routing; and not __fish_seen_subcommand_from haiku help" -s q -l quiet -d 'Print only results and errors'
complete -c masst -n "__fish_masst_using_subcommand routing; and not __fish_seen_subcommand_from haiku help" -s v -l verbose -d 'Log more (-v: each AWS call with its duration; -vv: debug)'
complete -c masst -n "__fish_masst_using_subcommand routing; and not __fish_seen_subcommand_from haiku help" -l all-targets -d 'Run against every target of [targets] (read-only commands only)'
complete -c masst -n "__fish_masst_using_subcommand routing; and not __fish_seen_subcommand_from haiku help" -s h -l help -d 'Print help'
complete -c masst -n "__fish_masst_using_subcommand routing; and not __fish_seen_subcommand_from haiku help" -f -a "haiku" -d 'Route simple queries (FAQ, store hours) to Haiku, or stop'
complete -c masst -n "__fish_masst_using_subcommand routing; and not __fish_seen_subcommand_from haiku help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c masst -n "__fish_masst_using_subcommand routing; and __fish_seen_subcommand_from haiku" -l diagnosis -d 'The diagnosis that offered this action (set by `diagnose --apply`)' -r
complete -c masst -n "__fish_masst_using_subcommand routing; and __fish_seen_subcommand_from haiku" -l verify-timeout -d 'With --verify: give up after this long (default: the outcome\'s recovery budget)' -r
complete -c masst -n "__fish_masst_using_subcommand routing; and __fish_seen_subcommand_from haiku" -l verify-every -d 'With --verify: read the evidence again this often' -r
complete -c masst -n "__fish_masst_using_subcommand routing; and __fish_seen_subcommand_from haiku" -l output -d 'Output format: human text, or one JSON document on stdout' -r -f -a "human\t''
json\t''"
complete -c masst -n "__fish_masst_using_subcommand routing; and __fish_seen_subcommand_from haiku" -l config -d 'Configuration file (default: ./masst.toml, then $XDG_CONFIG_HOME/masst/masst.toml)' -r -F
complete -c masst -n "__fish_masst_using_subcommand routing; and __fish_seen_subcommand_from haiku" -l runbooks -d 'Add the runbooks of this folder (or file) to the embedded ones; one with the name of an embedded runbook replaces it' -r -F
complete -c masst -n "__fish_masst_using_subcommand routing; and __fish_seen_subcommand_from haiku" -l only-runbooks -d 'Use exactly the runbooks of this folder (or file), none of the embedded ones' -r -F
complete -c masst -n "__fish_masst_using_subcommand routing; and __fish_seen_subcommand_from haiku" -l profile -d 'AWS profile (default: AWS_PROFILE, then [aws] profile in masst.toml)' -r
complete -c masst -n "__fish_masst_using_subcommand routing; and __fish_seen_subcommand_from haiku" -l region -d 'AWS region (default: AWS_REGION, then the profile, then [aws] region)' -r
complete -c masst -n "__fish_masst_using_subcommand routing; and __fish_seen_subcommand_from haiku" -l endpoint-url -d 'Send every AWS call to this endpoint (default: AWS_ENDPOINT_URL, then [aws] endpoint_url)' -r
complete -c masst -n "__fish_masst_using_subcommand routing; and __fish_seen_subcommand_from haiku" -l journal -d 'The change journal (default: $XDG_STATE_HOME/masst/journal.jsonl)' -r -F
complete -c masst -n "__fish_masst_using_subcommand routing; and __fish_seen_subcommand_from haiku" -l target -d 'Run against this target of [targets] in masst.toml (repeatable; default: MASST_TARGET, comma-separated). Read-only commands read every target given; changes take one' -r
complete -c masst -n "__fish_masst_using_subcommand routing; and __fish_seen_subcommand_from haiku" -s y -l yes -d 'Apply without asking (needed when stdin is not a terminal)'
complete -c masst -n "__fish_masst_using_subcommand routing; and __fish_seen_subcommand_from haiku" -l dry-run -d 'Show the plan and change nothing'
complete -c masst -n "__fish_masst_using_subcommand routing; and __fish_seen_subcommand_from haiku" -l force -d 'Override the quota guard (for undo: a state that changed since)'
complete -c masst -n "__fish_masst_using_subcommand routing; and __fish_seen_subcommand_from haiku" -l no-wait -d 'Return once an AppConfig deployment has started instead of following it'
complete -c masst -n "__fish_masst_using_subcommand routing; and __fish_seen_subcommand_from haiku" -l verify -d 'After the change, watch the runbook that offered it (or those whose outcomes list the action) until the incident recovers; on `worse`, offer `masst undo` on a terminal'
complete -c masst -n "__fish_masst_using_subcommand routing; and __fish_seen_subcommand_from haiku" -s q -l quiet -d 'Print only results and errors'
complete -c masst -n "__fish_masst_using_subcommand routing; and __fish_seen_subcommand_from haiku" -s v -l verbose -d 'Log more (-v: each AWS call with its duration; -vv: debug)'
complete -c masst -n "__fish_masst_using_subcommand routing; and __fish_seen_subcommand_from haiku" -l all-targets -d 'Run against every target of [targets] (read-only commands only)'
complete -c masst -n "__fish_masst_using_subcommand routing; and __fish_seen_subcommand_from haiku" -s h -l help -d 'Print help'
complete -c masst -n "__fish_masst_using_subcommand routing; and __fish_seen_subcommand_from help" -f -a "haiku" -d 'Route simple queries (FAQ, store hours) to Haiku, or stop'
complete -c masst -n "__fish_masst_using_subcommand routing; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c masst -n "__fish_masst_using_subcommand batch; and not __fish_seen_subcommand_from pause resume concurrency schedule model scale help" -l output -d 'Output format: human text, or one JSON document on stdout' -r -f -a "human\t''
json\t''"
complete -c masst -n "__fish_masst_using_subcommand batch; and not __fish_seen_subcommand_from pause resume concurrency schedule model scale help" -l config -d 'Configuration file (default: ./masst.toml, then $XDG_CONFIG_HOME/masst/masst.toml)' -r -F
complete -c masst -n "__fish_masst_using_subcommand batch; and not __fish_seen_subcommand_from pause resume concurrency schedule model scale help" -l runbooks -d 'Add the runbooks of this folder (or file) to the embedded ones; one with the name of an embedded runbook replaces it' -r -F
complete -c masst -n "__fish_masst_using_subcommand batch; and not __fish_seen_subcommand_from pause resume concurrency schedule model scale help" -l only-runbooks -d 'Use exactly the runbooks of this folder (or file), none of the embedded ones' -r -F
complete -c masst -n "__fish_masst_using_subcommand batch; and not __fish_seen_subcommand_from pause resume concurrency schedule model scale help" -l profile -d 'AWS profile (default: AWS_PROFILE, then [aws] profile in masst.toml)' -r
complete -c masst -n "__fish_masst_using_subcommand batch; and not __fish_seen_subcommand_from pause resume concurrency schedule model scale help" -l region -d 'AWS region (default: AWS_REGION, then the profile, then [aws] region)' -r
complete -c masst -n "__fish_masst_using_subcommand batch; and not __fish_seen_subcommand_from pause resume concurrency schedule model scale help" -l endpoint-url -d 'Send every AWS call to this endpoint (default: AWS_ENDPOINT_URL, then [aws] endpoint_url)' -r
complete -c masst -n "__fish_masst_using_subcommand batch; and not __fish_seen_subcommand_from pause resume concurrency schedule model scale help" -l journal -d 'The change journal (default: $XDG_STATE_HOME/masst/journal.jsonl)' -r -F
complete -c masst -n "__fish_masst_using_subcommand batch; and not __fish_seen_subcommand_from pause resume concurrency schedule model scale help" -l target -d 'Run against this target of [targets] in masst.toml (repeatable; default: MASST_TARGET, comma-separated). Read-only commands read every target given; changes take one' -r
complete -c masst -n "__fish_masst_using_subcommand batch; and not __fish_seen_subcommand_from pause resume concurrency schedule model scale help" -s q -l quiet -d 'Print only results and errors'
complete -c masst -n "__fish_masst_using_subcommand batch; and not __fish_seen_subcommand_from pause resume concurrency schedule model scale help" -s v -l verbose -d 'Log more (-v: each AWS call with its duration; -vv: debug)'
complete -c masst -n "__fish_masst_using_subcommand batch; and not __fish_seen_subcommand_from pause resume concurrency schedule model scale help" -l all-targets -d 'Run against every target of [targets] (read-only commands only)'
complete -c masst -n "__fish_masst_using_subcommand batch; and not __fish_seen_subcommand_from pause resume concurrency schedule model scale help" -s h -l help -d 'Print help'
complete -c masst -n "__fish_masst_using_subcommand batch; and not __fish_seen_subcommand_from pause resume concurrency schedule model scale help" -f -a "pause" -d 'Pause batch processing'
complete -c masst -n "__fish_masst_using_subcommand batch; and not __fish_seen_subcommand_from pause resume concurrency schedule model scale help" -f -a "resume" -d 'Resume batch processing'
complete -c masst -n "__fish_masst_using_subcommand batch; and not __fish_seen_subcommand_from pause resume concurrency schedule model scale help" -f -a "concurrency" -d 'Give batch a dedicated pool of N slots of its model (no longer shared with real-time)'
complete -c masst -n "__fish_masst_using_subcommand batch; and not __fish_seen_subcommand_from pause resume concurrency schedule model scale help" -f -a "schedule" -d 'The time-of-day batch concurrency table (JST)'
complete -c masst -n "__fish_masst_using_subcommand batch; and not __fish_seen_subcommand_from pause resume concurrency schedule model scale help" -f -a "model" -d 'Switch the batch model (its dedicated pool follows)'
complete -c masst -n "__fish_masst_using_subcommand batch; and not __fish_seen_subcommand_from pause resume concurrency schedule model scale help" -f -a "scale" -d 'Set the batch-worker ECS desired count'
complete -c masst -n "__fish_masst_using_subcommand batch; and not __fish_seen_subcommand_from pause resume concurrency schedule model scale help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c masst -n "__fish_masst_using_subcommand batch; and __fish_seen_subcommand_from pause" -l diagnosis -d 'The diagnosis that offered this action (set by `diagnose --apply`)' -r
complete -c masst -n "__fish_masst_using_subcommand batch; and __fish_seen_subcommand_from pause" -l verify-timeout -d 'With --verify: give up after this long (default: the outcome\'s recovery budget)' -r
complete -c masst -n "__fish_masst_using_subcommand batch; and __fish_seen_subcommand_from pause" -l verify-every -d 'With --verify: read the evidence again this often' -r
complete -c masst -n "__fish_masst_using_subcommand batch; and __fish_seen_subcommand_from pause" -l output -d 'Output format: human text, or one JSON document on stdout' -r -f -a "human\t''
json\t''"
complete -c masst -n "__fish_masst_using_subcommand batch; and __fish_seen_subcommand_from pause" -l config -d 'Configuration file (default: ./masst.toml, then $XDG_CONFIG_HOME/masst/masst.toml)' -r -F
complete -c masst -n "__fish_masst_using_subcommand batch; and __fish_seen_subcommand_from pause" -l runbooks -d 'Add the runbooks of this folder (or file) to the embedded ones; one with the name of an embedded runbook replaces it' -r -F
complete -c masst -n "__fish_masst_using_subcommand batch; and __fish_seen_subcommand_from pause" -l only-runbooks -d 'Use exactly the runbooks of this folder (or file), none of the embedded ones' -r -F
complete -c masst -n "__fish_masst_using_subcommand batch; and __fish_seen_subcommand_from pause" -l profile -d 'AWS profile (default: AWS_PROFILE, then [aws] profile in masst.toml)' -r
complete -c masst -n "__fish_masst_using_subcommand batch; and __fish_seen_subcommand_from pause" -l region -d 'AWS region (default: AWS_REGION, then the profile, then [aws] region)' -r
complete -c masst -n "__fish_masst_using_subcommand batch; and __fish_seen_subcommand_from pause" -l endpoint-url -d 'Send every AWS call to this endpoint (default: AWS_ENDPOINT_URL, then [aws] endpoint_url)' -r
complete -c masst -n "__fish_masst_using_subcommand batch; and __fish_seen_subcommand_from pause" -l journal -d 'The change journal (default: $XDG_STATE_HOME/masst/journal.jsonl)' -r -F
complete -c masst -n "__fish_masst_using_subcommand batch; and __fish_seen_subcommand_from pause" -l target -d 'Run against this target of [targets] in masst.toml (repeatable; default: MASST_TARGET, comma-separated). Read-only commands read every target given; changes take one' -r
complete -c masst -n "__fish_masst_using_subcommand batch; and __fish_seen_subcommand_from pause" -s y -l yes -d 'Apply without asking (needed when stdin is not a terminal)'
complete -c masst -n "__fish_masst_using_subcommand batch; and __fish_seen_subcommand_from pause" -l dry-run -d 'Show the plan and change nothing'
complete -c masst -n "__fish_masst_using_subcommand batch; and __fish_seen_subcommand_from pause" -l force -d 'Override the quota guard (for undo: a state that changed since)'
complete -c masst -n "__fish_masst_using_subcommand batch; and __fish_seen_subcommand_from pause" -l no-wait -d 'Return once an AppConfig deployment has started instead of following it'
complete -c masst -n "__fish_masst_using_subcommand batch; and __fish_seen_subcommand_from pause" -l verify -d 'After the change, watch the runbook that offered it (or those whose outcomes list the action) until the incident recovers; on `worse`, offer `masst undo` on a terminal'
complete -c masst -n "__fish_masst_using_subcommand batch; and __fish_seen_subcommand_from pause" -s q -l quiet -d 'Print only results and errors'
complete -c masst -n "__fish_masst_using_subcommand batch; and __fish_seen_subcommand_from pause" -s v -l verbose -d 'Log more (-v: each AWS call with its duration; -vv: debug)'
complete -c masst -n "__fish_masst_using_subcommand batch; and __fish_seen_subcommand_from pause" -l all-targets -d 'Run against every target of [targets] (read-only commands only)'
complete -c masst -n "__fish_masst_using_subcommand batch; and __fish_seen_subcommand_from pause" -s h -l help -d 'Print help'
complete -c masst -n "__fish_masst_using_subcommand batch; and __fish_seen_subcommand_from resume" -l diagnosis -d 'The diagnosis that offered this action (set by `diagnose --apply`)' -r
complete -c masst -n "__fish_masst_using_subcommand batch; and __fish_seen_subcommand_from resume" -l verify-timeout -d 'With --verify: give up after this long (default: the outcome\'s recovery budget)' -r
complete -c masst -n "__fish_masst_using_subcommand batch; and __fish_seen_subcommand_from resume" -l verify-every -d 'With --verify: read the evidence again this often' -r
complete -c masst -n "__fish_masst_using_subcommand batch; and __fish_seen_subcommand_from resume" -l output -d 'Output format: human text, or one JSON document on stdout' -r -f -a "human\t''
json\t''"
complete -c masst -n "__fish_masst_using_subcommand batch; and __fish_seen_subcommand_from resume" -l config -d 'Configuration file (default: ./masst.toml, then $XDG_CONFIG_HOME/masst/masst.toml)' -r -F
complete -c masst -n "__fish_masst_using_subcommand batch; and __fish_seen_subcommand_from resume" -l runbooks -d 'Add the runbooks of this folder (or file) to the embedded ones; one with the name of an embedded runbook replaces it' -r -F
complete -c masst -n "__fish_masst_using_subcommand batch; and __fish_seen_subcommand_from resume" -l only-runbooks -d 'Use exactly the runbooks of this folder (or file), none of the embedded ones' -r -F
complete -c masst -n "__fish_masst_using_subcommand batch; and __fish_seen_subcommand_from resume" -l profile -d 'AWS profile (default: AWS_PROFILE, then [aws] profile in masst.toml)' -r
complete -c masst -n "__fish_masst_using_subcommand batch; and __fish_seen_subcommand_from resume" -l region -d 'AWS region (default: AWS_REGION, then the profile, then [aws] region)' -r
complete -c masst -n "__fish_masst_using_subcommand batch; and __fish_seen_subcommand_from resume" -l endpoint-url -d 'Send every AWS call to this endpoint (default: AWS_ENDPOINT_URL, then [aws] endpoint_url)' -r
complete -c masst -n "__fish_masst_using_subcommand batch; and __fish_seen_subcommand_from resume" -l journal -d 'The change journal (default: $XDG_STATE_HOME/masst/journal.jsonl)' -r -F
complete -c masst -n "__fish_masst_using_subcommand batch; and __fish_seen_subcommand_from resume" -l target -d 'Run against this target of [targets] in masst.toml (repeatable; default: MASST_TARGET, comma-separated). Read-only commands read every target given; changes take one' -r
complete -c masst -n "__fish_masst_using_subcommand batch; and __fish_seen_subcommand_from resume" -s y -l yes -d 'Apply without asking (needed when stdin is not a terminal)'
complete -c masst -n "__fish_masst_using_subcommand batch; and __fish_seen_subcommand_from resume" -l dry-run -d 'Show the plan and change nothing'
complete -c masst -n "__fish_masst_using_subcommand batch; and __fish_seen_subcommand_from resume" -l force -d 'Override the quota guard (for undo: a state that changed since)'
complete -c masst -n "__fish_masst_using_subcommand batch; and __fish_seen_subcommand_from resume" -l no-wait -d 'Return once an AppConfig deployment has started instead of following it'
complete -c masst -n "__fish_masst_using_subcommand batch; and __fish_seen_subcommand_from resume" -l verify -d 'After the change, watch the runbook that offered it (or those whose outcomes list the action) until the incident recovers; on `worse`, offer `masst undo` on a terminal'
complete -c masst -n "__fish_masst_using_subcommand batch; and __fish_seen_subcommand_from resume" -s q -l quiet -d 'Print only results and errors'
complete -c masst -n "__fish_masst_using_subcommand batch; and __fish_seen_subcommand_from resume" -s v -l verbose -d 'Log more (-v: each AWS call with its duration; -vv: debug)'
complete -c masst -n "__fish_masst_using_subcommand batch; and __fish_seen_subcommand_from resume" -l all-targets -d 'Run against every target of [targets] (read-only commands only)'
complete -c masst -n "__fish_masst_using_subcommand batch; and __fish_seen_subcommand_from resume" -s h -l help -d 'Print help'
complete -c masst -n "__fish_masst_using_subcommand batch; and __fish_seen_subcommand_from concurrency" -l diagnosis -d 'The diagnosis that offered this action (set by `diagnose --apply`)' -r
complete -c masst -n "__fish_masst_using_subcommand batch; and __fish_seen_subcommand_from concurrency" -l verify-timeout -d 'With --verify: give up after this long (default: the outcome\'s recovery budget)' -r
complete -c masst -n "__fish_masst_using_subcommand batch; and __fish_seen_subcommand_from concurrency" -l verify-every -d 'With --verify: read the evidence again this often' -r
complete -c masst -n "__fish_masst_using_subcommand batch; and __fish_seen_subcommand_from concurrency" -l output -d 'Output format: human text, or one JSON document on stdout' -r -f -a "human\t''
json\t''"
complete -c masst -n "__fish_masst_using_subcommand batch; and __fish_seen_subcommand_from concurrency" -l config -d 'Configuration file (default: ./masst.toml, then $XDG_CONFIG_HOME/masst/masst.toml)' -r -F
complete -c masst -n "__fish_masst_using_subcommand batch; and __fish_seen_subcommand_from concurrency" -l runbooks -d 'Add the runbooks of this folder (or file) to the embedded ones; one with the name of an embedded runbook replaces it' -r -F
complete -c masst -n "__fish_masst_using_subcommand batch; and __fish_seen_subcommand_from concurrency" -l only-runbooks -d 'Use exactly the runbooks of this folder (or file), none of the embedded ones' -r -F
complete -c masst -n "__fish_masst_using_subcommand batch; and __fish_seen_subcommand_from concurrency" -l profile -d 'AWS profile (default: AWS_PROFILE, then [aws] profile in masst.toml)' -r
complete -c masst -n "__fish_masst_using_subcommand batch; and __fish_seen_subcommand_from concurrency" -l region -d 'AWS region (default: AWS_REGION, then the profile, then [aws] region)' -r
complete -c masst -n "__fish_masst_using_subcommand batch; and __fish_seen_subcommand_from concurrency" -l endpoint-url -d 'Send every AWS call to this endpoint (default: AWS_ENDPOINT_URL, then [aws] endpoint_url)' -r
complete -c masst -n "__fish_masst_using_subcommand batch; and __fish_seen_subcommand_from concurrency" -l journal -d 'The change journal (default: $XDG_STATE_HOME/masst/journal.jsonl)' -r -F
complete -c masst -n "__fish_masst_using_subcommand batch; and __fish_seen_subcommand_from concurrency" -l target -d 'Run against this target of [targets] in masst.toml (repeatable; default: MASST_TARGET, comma-separated). Read-only commands read every target given; changes take one' -r
complete -c masst -n "__fish_masst_using_subcommand batch; and __fish_seen_subcommand_from concurrency" -s y -l yes -d 'Apply without asking (needed when stdin is not a terminal)'
complete -c masst -n "__fish_masst_using_subcommand batch; and __fish_seen_subcommand_from concurrency" -l dry-run -d 'Show the plan and change nothing'
complete -c masst -n "__fish_masst_using_subcommand batch; and __fish_seen_subcommand_from concurrency" -l force -d 'Override the quota guard (for undo: a state that changed since)'
complete -c masst -n "__fish_masst_using_subcommand batch; and __fish_seen_subcommand_from concurrency" -l no-wait -d 'Return once an AppConfig deployment has started instead of following it'
complete -c masst -n "__fish_masst_using_subcommand batch; and __fish_seen_subcommand_from concurrency" -l verify -d 'After the change, watch the runbook that offered it (or those whose outcomes list the action) until the incident recovers; on `worse`, offer `masst undo` on a terminal'
complete -c masst -n "__fish_masst_using_subcommand batch; and __fish_seen_subcommand_from concurrency" -s q -l quiet -d 'Print only results and errors'
complete -c masst -n "__fish_masst_using_subcommand batch; and __fish_seen_subcommand_from concurrency" -s v -l verbose -d 'Log more (-v: each AWS call with its duration; -vv: debug)'
complete -c masst -n "__fish_masst_using_subcommand batch; and __fish_seen_subcommand_from concurrency" -l all-targets -d 'Run against every target of [targets] (read-only commands only)'
complete -c masst -n "__fish_masst_using_subcommand batch; and __fish_seen_subcommand_from concurrency" -s h -l help -d 'Print help'
complete -c masst -n "__fish_masst_using_subcommand batch; and __fish_seen_subcommand_from schedule" -l output -d 'Output format: human text, or one JSON document on stdout' -r -f -a "human\t''
json\t''"
complete -c masst -n "__fish_masst_using_subcommand batch; and __fish_seen_subcommand_from schedule" -l config -d 'Configuration file (default: ./masst.toml, then $XDG_CONFIG_HOME/masst/masst.toml)' -r -F
complete -c masst -n "__fish_masst_using_subcommand batch; and __fish_seen_subcommand_from schedule" -l runbooks -d 'Add the runbooks of this folder (or file) to the embedded ones; one with the name of an embedded runbook replaces it' -r -F
complete -c masst -n "__fish_masst_using_subcommand batch; and __fish_seen_subcommand_from schedule" -l only-runbooks -d 'Use exactly the runbooks of this folder (or file), none of the embedded ones' -r -F
complete -c masst -n "__fish_masst_using_subcommand batch; and __fish_seen_subcommand_from schedule" -l profile -d 'AWS profile (default: AWS_PROFILE, then [aws] profile in masst.toml)' -r
complete -c masst -n "__fish_masst_using_subcommand batch; and __fish_seen_subcommand_from schedule" -l region -d 'AWS region (default: AWS_REGION, then the profile, then [aws] region)' -r
complete -c masst -n "__fish_masst_using_subcommand batch; and __fish_seen_subcommand_from schedule" -l endpoint-url -d 'Send every AWS call to this endpoint (default: AWS_ENDPOINT_URL, then [aws] endpoint_url)' -r
complete -c masst -n "__fish_masst_using_subcommand batch; and __fish_seen_subcommand_from schedule" -l journal -d 'The change journal (default: $XDG_STATE_HOME/masst/journal.jsonl)' -r -F
complete -c masst -n "__fish_masst_using_subcommand batch; and __fish_seen_subcommand_from schedule" -l target -d 'Run against this target of [targets] in masst.toml (repeatable; default: MASST_TARGET, comma-separated). Read-only commands read every target given; changes take one' -r
complete -c masst -n "__fish_masst_using_subcommand batch; and __fish_seen_subcommand_from schedule" -s q -l quiet -d 'Print only results and errors'
complete -c masst -n "__fish_masst_using_subcommand batch; and __fish_seen_subcommand_from schedule" -s v -l verbose -d 'Log more (-v: each AWS call with its duration; -vv: debug)'
complete -c masst -n "__fish_masst_using_subcommand batch; and __fish_seen_subcommand_from schedule" -l all-targets -d 'Run against every target of [targets] (read-only commands only)'
complete -c masst -n "__fish_masst_using_subcommand batch; and __fish_seen_subcommand_from schedule" -s h -l help -d 'Print help'
complete -c masst -n "__fish_masst_using_subcommand batch; and __fish_seen_subcommand_from schedule" -f -a "show" -d 'Show the table (the seed\'s, or --file) with the current JST hour marked'
complete -c masst -n "__fish_masst_using_subcommand batch; and __fish_seen_subcommand_from schedule" -f -a "apply" -d 'Deploy the table (the seed\'s, or --file) as batch.schedule_jst'
complete -c masst -n "__fish_masst_using_subcommand batch; and __fish_seen_subcommand_from schedule" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c masst -n "__fish_masst_using_subcommand batch; and __fish_seen_subcommand_from model" -l diagnosis -d 'The diagnosis that offered this action (set by `diagnose --apply`)' -r
complete -c masst -n "__fish_masst_using_subcommand batch; and __fish_seen_subcommand_from model" -l verify-timeout -d 'With --verify: give up after this long (default: the outcome\'s recovery budget)' -r
complete -c masst -n "__fish_masst_using_subcommand batch; and __fish_seen_subcommand_from model" -l verify-every -d 'With --verify: read the evidence again this often' -r
complete -c masst -n "__fish_masst_using_subcommand batch; and __fish_seen_subcommand_from model" -l output -d 'Output format: human text, or one JSON document on stdout' -r -f -a "human\t''
json\t''"
complete -c masst -n "__fish_masst_using_subcommand batch; and __fish_seen_subcommand_from model" -l config -d 'Configuration file (default: ./masst.toml, then $XDG_CONFIG_HOME/masst/masst.toml)' -r -F
complete -c masst -n "__fish_masst_using_subcommand batch; and __fish_seen_subcommand_from model" -l runbooks -d 'Add the runbooks of this folder (or file) to the embedded ones; one with the name of an embedded runbook replaces it' -r -F
complete -c masst -n "__fish_masst_using_subcommand batch; and __fish_seen_subcommand_from model" -l only-runbooks -d 'Use exactly the runbooks of this folder (or file), none of the embedded ones' -r -F
complete -c masst -n "__fish_masst_using_subcommand batch; and __fish_seen_subcommand_from model" -l profile -d 'AWS profile (default: AWS_PROFILE, then [aws] profile in masst.toml)' -r
complete -c masst -n "__fish_masst_using_subcommand batch; and __fish_seen_subcommand_from model" -l region -d 'AWS region (default: AWS_REGION, then the profile, then [aws] region)' -r
complete -c masst -n "__fish_masst_using_subcommand batch; and __fish_seen_subcommand_from model" -l endpoint-url -d 'Send every AWS call to this endpoint (default: AWS_ENDPOINT_URL, then [aws] endpoint_url)' -r
complete -c masst -n "__fish_masst_using_subcommand batch; and __fish_seen_subcommand_from model" -l journal -d 'The change journal (default: $XDG_STATE_HOME/masst/journal.jsonl)' -r -F
complete -c masst -n "__fish_masst_using_subcommand batch; and __fish_seen_subcommand_from model" -l target -d 'Run against this target of [targets] in masst.toml (repeatable; default: MASST_TARGET, comma-separated). Read-only commands read every target given; changes take one' -r
complete -c masst -n "__fish_masst_using_subcommand batch; and __fish_seen_subcommand_from model" -s y -l yes -d 'Apply without asking (needed when stdin is not a terminal)'
complete -c masst -n "__fish_masst_using_subcommand batch; and __fish_seen_subcommand_from model" -l dry-run -d 'Show the plan and change nothing'
complete -c masst -n "__fish_masst_using_subcommand batch; and __fish_seen_subcommand_from model" -l force -d 'Override the quota guard (for undo: a state that changed since)'
complete -c masst -n "__fish_masst_using_subcommand batch; and __fish_seen_subcommand_from model" -l no-wait -d 'Return once an AppConfig deployment has started instead of following it'
complete -c masst -n "__fish_masst_using_subcommand batch; and __fish_seen_subcommand_from model" -l verify -d 'After the change, watch the runbook that offered it (or those whose outcomes list the action) until the incident recovers; on `worse`, offer `masst undo` on a terminal'
complete -c masst -n "__fish_masst_using_subcommand batch; and __fish_seen_subcommand_from model" -s q -l quiet -d 'Print only results and errors'
complete -c masst -n "__fish_masst_using_subcommand batch; and __fish_seen_subcommand_from model" -s v -l verbose -d 'Log more (-v: each AWS call with its duration; -vv: debug)'
complete -c masst -n "__fish_masst_using_subcommand batch; and __fish_seen_subcommand_from model" -l all-targets -d 'Run against every target of [targets] (read-only commands only)'
complete -c masst -n "__fish_masst_using_subcommand batch; and __fish_seen_subcommand_from model" -s h -l help -d 'Print help'
complete -c masst -n "__fish_masst_using_subcommand batch; and __fish_seen_subcommand_from scale" -l diagnosis -d 'The diagnosis that offered this action (set by `diagnose --apply`)' -r
complete -c masst -n "__fish_masst_using_subcommand batch; and __fish_seen_subcommand_from scale" -l verify-timeout -d 'With --verify: give up after this long (default: the outcome\'s recovery budget)' -r
complete -c masst -n "__fish_masst_using_subcommand batch; and __fish_seen_subcommand_from scale" -l verify-every -d 'With --verify: read the evidence again this often' -r
complete -c masst -n "__fish_masst_using_subcommand batch; and __fish_seen_subcommand_from scale" -l output -d 'Output format: human text, or one JSON document on stdout' -r -f -a "human\t''
json\t''"
complete -c masst -n "__fish_masst_using_subcommand batch; and __fish_seen_subcommand_from scale" -l config -d 'Configuration file (default: ./masst.toml, then $XDG_CONFIG_HOME/masst/masst.toml)' -r -F
complete -c masst -n "__fish_masst_using_subcommand batch; and __fish_seen_subcommand_from scale" -l runbooks -d 'Add the runbooks of this folder (or file) to the embedded ones; one with the name of an embedded runbook replaces it' -r -F
complete -c masst -n "__fish_masst_using_subcommand batch; and __fish_seen_subcommand_from scale" -l only-runbooks -d 'Use exactly the runbooks of this folder (or file), none of the embedded ones' -r -F
complete -c masst -n "__fish_masst_using_subcommand batch; and __fish_seen_subcommand_from scale" -l profile -d 'AWS profile (default: AWS_PROFILE, then [aws] profile in masst.toml)' -r
complete -c masst -n "__fish_masst_using_subcommand batch; and __fish_seen_subcommand_from scale" -l region -d 'AWS region (default: AWS_REGION, then the profile, then [aws] region)' -r
complete -c masst -n "__fish_masst_using_subcommand batch; and __fish_seen_subcommand_from scale" -l endpoint-url -d 'Send every AWS call to this endpoint (default: AWS_ENDPOINT_URL, then [aws] endpoint_url)' -r
complete -c masst -n "__fish_masst_using_subcommand batch; and __fish_seen_subcommand_from scale" -l journal -d 'The change journal (default: $XDG_STATE_HOME/masst/journal.jsonl)' -r -F
complete -c masst -n "__fish_masst_using_subcommand batch; and __fish_seen_subcommand_from scale" -l target -d 'Run against this target of [targets] in masst.toml (repeatable; default: MASST_TARGET, comma-separated). Read-only commands read every target given; changes take one' -r
complete -c masst -n "__fish_masst_using_subcommand batch; and __fish_seen_subcommand_from scale" -s y -l yes -d 'Apply without asking (needed when stdin is not a terminal)'
complete -c masst -n "__fish_masst_using_subcommand batch; and __fish_seen_subcommand_from scale" -l dry-run -d 'Show the plan and change nothing'
complete -c masst -n "__fish_masst_using_subcommand batch; and __fish_seen_subcommand_from scale" -l force -d 'Override the quota guard (for undo: a state that changed since)'
complete -c masst -n "__fish_masst_using_subcommand batch; and __fish_seen_subcommand_from scale" -l no-wait -d 'Return once an AppConfig deployment has started instead of following it'
complete -c masst -n "__fish_masst_using_subcommand batch; and __fish_seen_subcommand_from scale" -l verify -d 'After the change, watch the runbook that offered it (or those whose outcomes list the action) until the incident recovers; on `worse`, offer `masst undo` on a terminal'
complete -c masst -n "__fish_masst_using_subcommand batch; and __fish_seen_subcommand_from scale" -s q -l quiet -d 'Print only results and errors'
complete -c masst -n "__fish_masst_using_subcommand batch; and __fish_seen_subcommand_from scale" -s v -l verbose -d 'Log more (-v: each AWS call with its duration; -vv: debug)'
complete -c masst -n "__fish_masst_using_subcommand batch; and __fish_seen_subcommand_from scale" -l all-targets -d 'Run against every target of [targets] (read-only commands only)'
complete -c masst -n "__fish_masst_using_subcommand batch; and __fish_seen_subcommand_from scale" -s h -l help -d 'Print help'
complete -c masst -n "__fish_masst_using_subcommand batch; and __fish_seen_subcommand_from help" -f -a "pause" -d 'Pause batch processing'
complete -c masst -n "__fish_masst_using_subcommand batch; and __fish_seen_subcommand_from help" -f -a "resume" -d 'Resume batch processing'
complete -c masst -n "__fish_masst_using_subcommand batch; and __fish_seen_subcommand_from help" -f -a "concurrency" -d 'Give batch a dedicated pool of N slots of its model (no longer shared with real-time)'
complete -c masst -n "__fish_masst_using_subcommand batch; and __fish_seen_subcommand_from help" -f -a "schedule" -d 'The time-of-day batch concurrency table (JST)'
complete -c masst -n "__fish_masst_using_subcommand batch; and __fish_seen_subcommand_from help" -f -a "model" -d 'Switch the batch model (its dedicated pool follows)'
complete -c masst -n "__fish_masst_using_subcommand batch; and __fish_seen_subcommand_from help" -f -a "scale" -d 'Set the batch-worker ECS desired count'
complete -c masst -n "__fish_masst_using_subcommand batch; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c masst -n "__fish_masst_using_subcommand producer; and not __fish_seen_subcommand_from pause resume help" -l output -d 'Output format: human text, or one JSON document on stdout' -r -f -a "human\t''
json\t''"
complete -c masst -n "__fish_masst_using_subcommand producer; and not __fish_seen_subcommand_from pause resume help" -l config -d 'Configuration file (default: ./masst.toml, then $XDG_CONFIG_HOME/masst/masst.toml)' -r -F
complete -c masst -n "__fish_masst_using_subcommand producer; and not __fish_seen_subcommand_from pause resume help" -l runbooks -d 'Add the runbooks of this folder (or file) to the embedded ones; one with the name of an embedded runbook replaces it' -r -F
complete -c masst -n "__fish_masst_using_subcommand producer; and not __fish_seen_subcommand_from pause resume help" -l only-runbooks -d 'Use exactly the runbooks of this folder (or file), none of the embedded ones' -r -F
complete -c masst -n "__fish_masst_using_subcommand producer; and not __fish_seen_subcommand_from pause resume help" -l profile -d 'AWS profile (default: AWS_PROFILE, then [aws] profile in masst.toml)' -r
complete -c masst -n "__fish_masst_using_subcommand producer; and not __fish_seen_subcommand_from pause resume help" -l region -d 'AWS region (default: AWS_REGION, then the profile, then [aws] region)' -r
complete -c masst -n "__fish_masst_using_subcommand producer; and not __fish_seen_subcommand_from pause resume help" -l endpoint-url -d 'Send every AWS call to this endpoint (default: AWS_ENDPOINT_URL, then [aws] endpoint_url)' -r
complete -c masst -n "__fish_masst_using_subcommand producer; and not __fish_seen_subcommand_from pause resume help" -l journal -d 'The change journal (default: $XDG_STATE_HOME/masst/journal.jsonl)' -r -F
complete -c masst -n "__fish_masst_using_subcommand producer; and not __fish_seen_subcommand_from pause resume help" -l target -d 'Run against this target of [targets] in masst.toml (repeatable; default: MASST_TARGET, comma-separated). Read-only commands read every target given; changes take one' -r
complete -c masst -n "__fish_masst_using_subcommand producer; and not __fish_seen_subcommand_from pause resume help" -s q -l quiet -d 'Print only results and errors'
complete -c masst -n "__fish_masst_using_subcommand producer; and not __fish_seen_subcommand_from pause resume help" -s v -l verbose -d 'Log more (-v: each AWS call with its duration; -vv: debug)'
complete -c masst -n "__fish_masst_using_subcommand producer; and not __fish_seen_subcommand_from pause resume help" -l all-targets -d 'Run against every target of [targets] (read-only commands only)'
complete -c masst -n "__fish_masst_using_subcommand producer; and not __fish_seen_subcommand_from pause resume help" -s h -l help -d 'Print help'
complete -c masst -n "__fish_masst_using_subcommand producer; and not __fish_seen_subcommand_from pause resume help" -f -a "pause" -d 'Stop the batch producer (ECS desired count 0); the count is saved in the journal'
complete -c masst -n "__fish_masst_using_subcommand producer; and not __fish_seen_subcommand_from pause resume help" -f -a "resume" -d 'Restore the count saved by the last `producer pause` (or --count N)'
complete -c masst -n "__fish_masst_using_subcommand producer; and not __fish_seen_subcommand_from pause resume help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c masst -n "__fish_masst_using_subcommand producer; and __fish_seen_subcommand_from pause" -l diagnosis -d 'The diagnosis that offered this action (set by `diagnose --apply`)' -r
complete -c masst -n "__fish_masst_using_subcommand producer; and __fish_seen_subcommand_from pause" -l verify-timeout -d 'With --verify: give up after this long (default: the outcome\'s recovery budget)' -r
complete -c masst -n "__fish_masst_using_subcommand producer; and __fish_seen_subcommand_from pause" -l verify-every -d 'With --verify: read the evidence again this often' -r
complete -c masst -n "__fish_masst_using_subcommand producer; and __fish_seen_subcommand_from pause" -l output -d 'Output format: human text, or one JSON document on stdout' -r -f -a "human\t''
json\t''"
complete -c masst -n "__fish_masst_using_subcommand producer; and __fish_seen_subcommand_from pause" -l config -d 'Configuration file (default: ./masst.toml, then $XDG_CONFIG_HOME/masst/masst.toml)' -r -F
complete -c masst -n "__fish_masst_using_subcommand producer; and __fish_seen_subcommand_from pause" -l runbooks -d 'Add the runbooks of this folder (or file) to the embedded ones; one with the name of an embedded runbook replaces it' -r -F
complete -c masst -n "__fish_masst_using_subcommand producer; and __fish_seen_subcommand_from pause" -l only-runbooks -d 'Use exactly the runbooks of this folder (or file), none of the embedded ones' -r -F
complete -c masst -n "__fish_masst_using_subcommand producer; and __fish_seen_subcommand_from pause" -l profile -d 'AWS profile (default: AWS_PROFILE, then [aws] profile in masst.toml)' -r
complete -c masst -n "__fish_masst_using_subcommand producer; and __fish_seen_subcommand_from pause" -l region -d 'AWS region (default: AWS_REGION, then the profile, then [aws] region)' -r
complete -c masst -n "__fish_masst_using_subcommand producer; and __fish_seen_subcommand_from pause" -l endpoint-url -d 'Send every AWS call to this endpoint (default: AWS_ENDPOINT_URL, then [aws] endpoint_url)' -r
complete -c masst -n "__fish_masst_using_subcommand producer; and __fish_seen_subcommand_from pause" -l journal -d 'The change journal (default: $XDG_STATE_HOME/masst/journal.jsonl)' -r -F
complete -c masst -n "__fish_masst_using_subcommand producer; and __fish_seen_subcommand_from pause" -l target -d 'Run against this target of [targets] in masst.toml (repeatable; default: MASST_TARGET, comma-separated). Read-only commands read every target given; changes take one' -r
complete -c masst -n "__fish_masst_using_subcommand producer; and __fish_seen_subcommand_from pause" -s y -l yes -d 'Apply without asking (needed when stdin is not a terminal)'
complete -c masst -n "__fish_masst_using_subcommand producer; and __fish_seen_subcommand_from pause" -l dry-run -d 'Show the plan and change nothing'
complete -c masst -n "__fish_masst_using_subcommand producer; and __fish_seen_subcommand_from pause" -l force -d 'Override the quota guard (for undo: a state that changed since)'
complete -c masst -n "__fish_masst_using_subcommand producer; and __fish_seen_subcommand_from pause" -l no-wait -d 'Return once an AppConfig deployment has started instead of following it'
complete -c masst -n "__fish_masst_using_subcommand producer; and __fish_seen_subcommand_from pause" -l verify -d 'After the change, watch the runbook that offered it (or those whose outcomes list the action) until the incident recovers; on `worse`, offer `masst undo` on a terminal'
complete -c masst -n "__fish_masst_using_subcommand producer; and __fish_seen_subcommand_from pause" -s q -l quiet -d 'Print only results and errors'
complete -c masst -n "__fish_masst_using_subcommand producer; and __fish_seen_subcommand_from pause" -s v -l verbose -d 'Log more (-v: each AWS call with its duration; -vv: debug)'
complete -c masst -n "__fish_masst_using_subcommand producer; and __fish_seen_subcommand_from pause" -l all-targets -d 'Run against every target of [targets] (read-only commands only)'
complete -c masst -n "__fish_masst_using_subcommand producer; and __fish_seen_subcommand_from pause" -s h -l help -d 'Print help'
complete -c masst -n "__fish_masst_using_subcommand producer; and __fish_seen_subcommand_from resume" -l count -r
complete -c masst -n "__fish_masst_using_subcommand producer; and __fish_seen_subcommand_from resume" -l diagnosis -d 'The diagnosis that offered this action (set by `diagnose --apply`)' -r
complete -c masst -n "__fish_masst_using_subcommand producer; and __fish_seen_subcommand_from resume" -l verify-timeout -d 'With --verify: give up after this long (default: the outcome\'s recovery budget)' -r
complete -c masst -n "__fish_masst_using_subcommand producer; and __fish_seen_subcommand_from resume" -l verify-every -d 'With --verify: read the evidence again this often' -r
complete -c masst -n "__fish_masst_using_subcommand producer; and __fish_seen_subcommand_from resume" -l output -d 'Output format: human text, or one JSON document on stdout' -r -f -a "human\t''
json\t''"
complete -c masst -n "__fish_masst_using_subcommand producer; and __fish_seen_subcommand_from resume" -l config -d 'Configuration file (default: ./masst.toml, then $XDG_CONFIG_HOME/masst/masst.toml)' -r -F
complete -c masst -n "__fish_masst_using_subcommand producer; and __fish_seen_subcommand_from resume" -l runbooks -d 'Add the runbooks of this folder (or file) to the embedded ones; one with the name of an embedded runbook replaces it' -r -F
complete -c masst -n "__fish_masst_using_subcommand producer; and __fish_seen_subcommand_from resume" -l only-runbooks -d 'Use exactly the runbooks of this folder (or file), none of the embedded ones' -r -F
complete -c masst -n "__fish_masst_using_subcommand producer; and __fish_seen_subcommand_from resume" -l profile -d 'AWS profile (default: AWS_PROFILE, then [aws] profile in masst.toml)' -r
complete -c masst -n "__fish_masst_using_subcommand producer; and __fish_seen_subcommand_from resume" -l region -d 'AWS region (default: AWS_REGION, then the profile, then [aws] region)' -r
complete -c masst -n "__fish_masst_using_subcommand producer; and __fish_seen_subcommand_from resume" -l endpoint-url -d 'Send every AWS call to this endpoint (default: AWS_ENDPOINT_URL, then [aws] endpoint_url)' -r
complete -c masst -n "__fish_masst_using_subcommand producer; and __fish_seen_subcommand_from resume" -l journal -d 'The change journal (default: $XDG_STATE_HOME/masst/journal.jsonl)' -r -F
complete -c masst -n "__fish_masst_using_subcommand producer; and __fish_seen_subcommand_from resume" -l target -d 'Run against this target of [targets] in masst.toml (repeatable; default: MASST_TARGET, comma-separated). Read-only commands read every target given; changes take one' -r
complete -c masst -n "__fish_masst_using_subcommand producer; and __fish_seen_subcommand_from resume" -s y -l yes -d 'Apply without asking (needed when stdin is not a terminal)'
complete -c masst -n "__fish_masst_using_subcommand producer; and __fish_seen_subcommand_from resume" -l dry-run -d 'Show the plan and change nothing'
complete -c masst -n "__fish_masst_using_subcommand producer; and __fish_seen_subcommand_from resume" -l force -d 'Override the quota guard (for undo: a state that changed since)'
complete -c masst -n "__fish_masst_using_subcommand producer; and __fish_seen_subcommand_from resume" -l no-wait -d 'Return once an AppConfig deployment has started instead of following it'
complete -c masst -n "__fish_masst_using_subcommand producer; and __fish_seen_subcommand_from resume" -l verify -d 'After the change, watch the runbook that offered it (or those whose outcomes list the action) until the incident recovers; on `worse`, offer `masst undo` on a terminal'
complete -c masst -n "__fish_masst_using_subcommand producer; and __fish_seen_subcommand_from resume" -s q -l quiet -d 'Print only results and errors'
complete -c masst -n "__fish_masst_using_subcommand producer; and __fish_seen_subcommand_from resume" -s v -l verbose -d 'Log more (-v: each AWS call with its duration; -vv: debug)'
complete -c masst -n "__fish_masst_using_subcommand producer; and __fish_seen_subcommand_from resume" -l all-targets -d 'Run against every target of [targets] (read-only commands only)'
complete -c masst -n "__fish_masst_using_subcommand producer; and __fish_seen_subcommand_from resume" -s h -l help -d 'Print help'
complete -c masst -n "__fish_masst_using_subcommand producer; and __fish_seen_subcommand_from help" -f -a "pause" -d 'Stop the batch producer (ECS desired count 0); the count is saved in the journal'
complete -c masst -n "__fish_masst_using_subcommand producer; and __fish_seen_subcommand_from help" -f -a "resume" -d 'Restore the count saved by the last `producer pause` (or --count N)'
complete -c masst -n "__fish_masst_using_subcommand producer; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c masst -n "__fish_masst_using_subcommand queue; and not __fish_seen_subcommand_from fix help" -l output -d 'Output format: human text, or one JSON document on stdout' -r -f -a "human\t''
json\t''"
complete -c masst -n "__fish_masst_using_subcommand queue; and not __fish_seen_subcommand_from fix help" -l config -d 'Configuration file (default: ./masst.toml, then $XDG_CONFIG_HOME/masst/masst.toml)' -r -F
complete -c masst -n "__fish_masst_using_subcommand queue; and not __fish_seen_subcommand_from fix help" -l runbooks -d 'Add the runbooks of this folder (or file) to the embedded ones; one with the name of an embedded runbook replaces it' -r -F
complete -c masst -n "__fish_masst_using_subcommand queue; and not __fish_seen_subcommand_from fix help" -l only-runbooks -d 'Use exactly the runbooks of this folder (or file), none of the embedded ones' -r -F
complete -c masst -n "__fish_masst_using_subcommand queue; and not __fish_seen_subcommand_from fix help" -l profile -d 'AWS profile (default: AWS_PROFILE, then [aws] profile in masst.toml)' -r
complete -c masst -n "__fish_masst_using_subcommand queue; and not __fish_seen_subcommand_from fix help" -l region -d 'AWS region (default: AWS_REGION, then the profile, then [aws] region)' -r
complete -c masst -n "__fish_masst_using_subcommand queue; and not __fish_seen_subcommand_from fix help" -l endpoint-url -d 'Send every AWS call to this endpoint (default: AWS_ENDPOINT_URL, then [aws] endpoint_url)' -r
complete -c masst -n "__fish_masst_using_subcommand queue; and not __fish_seen_subcommand_from fix help" -l journal -d 'The change journal (default: $XDG_STATE_HOME/masst/journal.jsonl)' -r -F
complete -c masst -n "__fish_masst_using_subcommand queue; and not __fish_seen_subcommand_from fix help" -l target -d 'Run against this target of [targets] in masst.toml (repeatable; default: MASST_TARGET, comma-separated). Read-only commands read every target given; changes take one' -r
complete -c masst -n "__fish_masst_using_subcommand queue; and not __fish_seen_subcommand_from fix help" -s q -l quiet -d 'Print only results and errors'
complete -c masst -n "__fish_masst_using_subcommand queue; and not __fish_seen_subcommand_from fix help" -s v -l verbose -d 'Log more (-v: each AWS call with its duration; -vv: debug)'
complete -c masst -n "__fish_masst_using_subcommand queue; and not __fish_seen_subcommand_from fix help" -l all-targets -d 'Run against every target of [targets] (read-only commands only)'
complete -c masst -n "__fish_masst_using_subcommand queue; and not __fish_seen_subcommand_from fix help" -s h -l help -d 'Print help'
complete -c masst -n "__fish_masst_using_subcommand queue; and not __fish_seen_subcommand_from fix help" -f -a "fix" -d 'Set VisibilityTimeout and maxReceiveCount on the primary queue, keeping its DLQ'
complete -c masst -n "__fish_masst_using_subcommand queue; and not __fish_seen_subcommand_from fix help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c masst -n "__fish_masst_using_subcommand queue; and __fish_seen_subcommand_from fix" -l visibility-timeout -d 'Seconds (0 to 43200, SQS\'s range)' -r
complete -c masst -n "__fish_masst_using_subcommand queue; and __fish_seen_subcommand_from fix" -l max-receive-count -d 'Receives before the DLQ (1 to 1000, SQS\'s range)' -r
complete -c masst -n "__fish_masst_using_subcommand queue; and __fish_seen_subcommand_from fix" -l diagnosis -d 'The diagnosis that offered this action (set by `diagnose --apply`)' -r
complete -c masst -n "__fish_masst_using_subcommand queue; and __fish_seen_subcommand_from fix" -l verify-timeout -d 'With --verify: give up after this long (default: the outcome\'s recovery budget)' -r
complete -c masst -n "__fish_masst_using_subcommand queue; and __fish_seen_subcommand_from fix" -l verify-every -d 'With --verify: read the evidence again this often' -r
complete -c masst -n "__fish_masst_using_subcommand queue; and __fish_seen_subcommand_from fix" -l output -d 'Output format: human text, or one JSON document on stdout' -r -f -a "human\t''
json\t''"
complete -c masst -n "__fish_masst_using_subcommand queue; and __fish_seen_subcommand_from fix" -l config -d 'Configuration file (default: ./masst.toml, then $XDG_CONFIG_HOME/masst/masst.toml)' -r -F
complete -c masst -n "__fish_masst_using_subcommand queue; and __fish_seen_subcommand_from fix" -l runbooks -d 'Add the runbooks of this folder (or file) to the embedded ones; one with the name of an embedded runbook replaces it' -r -F
complete -c masst -n "__fish_masst_using_subcommand queue; and __fish_seen_subcommand_from fix" -l only-runbooks -d 'Use exactly the runbooks of this folder (or file), none of the embedded ones' -r -F
complete -c masst -n "__fish_masst_using_subcommand queue; and __fish_seen_subcommand_from fix" -l profile -d 'AWS profile (default: AWS_PROFILE, then [aws] profile in masst.toml)' -r
complete -c masst -n "__fish_masst_using_subcommand queue; and __fish_seen_subcommand_from fix" -l region -d 'AWS region (default: AWS_REGION, then the profile, then [aws] region)' -r
complete -c masst -n "__fish_masst_using_subcommand queue; and __fish_seen_subcommand_from fix" -l endpoint-url -d 'Send every AWS call to this endpoint (default: AWS_ENDPOINT_URL, then [aws] endpoint_url)' -r
complete -c masst -n "__fish_masst_using_subcommand queue; and __fish_seen_subcommand_from fix" -l journal -d 'The change journal (default: $XDG_STATE_HOME/masst/journal.jsonl)' -r -F
complete -c masst -n "__fish_masst_using_subcommand queue; and __fish_seen_subcommand_from fix" -l target -d 'Run against this target of [targets] in masst.toml (repeatable; default: MASST_TARGET, comma-separated). Read-only commands read every target given; changes take one' -r
complete -c masst -n "__fish_masst_using_subcommand queue; and __fish_seen_subcommand_from fix" -s y -l yes -d 'Apply without asking (needed when stdin is not a terminal)'
complete -c masst -n "__fish_masst_using_subcommand queue; and __fish_seen_subcommand_from fix" -l dry-run -d 'Show the plan and change nothing'
complete -c masst -n "__fish_masst_using_subcommand queue; and __fish_seen_subcommand_from fix" -l force -d 'Override the quota guard (for undo: a state that changed since)'
complete -c masst -n "__fish_masst_using_subcommand queue; and __fish_seen_subcommand_from fix" -l no-wait -d 'Return once an AppConfig deployment has started instead of following it'
complete -c masst -n "__fish_masst_using_subcommand queue; and __fish_seen_subcommand_from fix" -l verify -d 'After the change, watch the runbook that offered it (or those whose outcomes list the action) until the incident recovers; on `worse`, offer `masst undo` on a terminal'
complete -c masst -n "__fish_masst_using_subcommand queue; and __fish_seen_subcommand_from fix" -s q -l quiet -d 'Print only results and errors'
complete -c masst -n "__fish_masst_using_subcommand queue; and __fish_seen_subcommand_from fix" -s v -l verbose -d 'Log more (-v: each AWS call with its duration; -vv: debug)'
complete -c masst -n "__fish_masst_using_subcommand queue; and __fish_seen_subcommand_from fix" -l all-targets -d 'Run against every target of [targets] (read-only commands only)'
complete -c masst -n "__fish_masst_using_subcommand queue; and __fish_seen_subcommand_from fix" -s h -l help -d 'Print help'
complete -c masst -n "__fish_masst_using_subcommand queue; and __fish_seen_subcommand_from help" -f -a "fix" -d 'Set VisibilityTimeout and maxReceiveCount on the primary queue, keeping its DLQ'
complete -c masst -n "__fish_masst_using_subcommand queue; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c masst -n "__fish_masst_using_subcommand alarms; and not __fish_seen_subcommand_from install help" -l output -d 'Output format: human text, or one JSON document on stdout' -r -f -a "human\t''
json\t''"
complete -c masst -n "__fish_masst_using_subcommand alarms; and not __fish_seen_subcommand_from install help" -l config -d 'Configuration file (default: ./masst.toml, then $XDG_CONFIG_HOME/masst/masst.toml)' -r -F
complete -c masst -n "__fish_masst_using_subcommand alarms; and not __fish_seen_subcommand_from install help" -l runbooks -d 'Add the runbooks of this folder (or file) to the embedded ones; one with the name of an embedded runbook replaces it' -r -F
complete -c masst -n "__fish_masst_using_subcommand alarms; and not __fish_seen_subcommand_from install help" -l only-runbooks -d 'Use exactly the runbooks of this folder (or file), none of the embedded ones' -r -F
complete -c masst -n "__fish_masst_using_subcommand alarms; and not __fish_seen_subcommand_from install help" -l profile -d 'AWS profile (default: AWS_PROFILE, then [aws] profile in masst.toml)' -r
complete -c masst -n "__fish_masst_using_subcommand alarms; and not __fish_seen_subcommand_from install help" -l region -d 'AWS region (default: AWS_REGION, then the profile, then [aws] region)' -r
complete -c masst -n "__fish_masst_using_subcommand alarms; and not __fish_seen_subcommand_from install help" -l endpoint-url -d 'Send every AWS call to this endpoint (default: AWS_ENDPOINT_URL, then [aws] endpoint_url)' -r
complete -c masst -n "__fish_masst_using_subcommand alarms; and not __fish_seen_subcommand_from install help" -l journal -d 'The change journal (default: $XDG_STATE_HOME/masst/journal.jsonl)' -r -F
complete -c masst -n "__fish_masst_using_subcommand alarms; and not __fish_seen_subcommand_from install help" -l target -d 'Run against this target of [targets] in masst.toml (repeatable; default: MASST_TARGET, comma-separated). Read-only commands read every target given; changes take one' -r
complete -c masst -n "__fish_masst_using_subcommand alarms; and not __fish_seen_subcommand_from install help" -s q -l quiet -d 'Print only results and errors'
complete -c masst -n "__fish_masst_using_subcommand alarms; and not __fish_seen_subcommand_from install help" -s v -l verbose -d 'Log more (-v: each AWS call with its duration; -vv: debug)'
complete -c masst -n "__fish_masst_using_subcommand alarms; and not __fish_seen_subcommand_from install help" -l all-targets -d 'Run against every target of [targets] (read-only commands only)'
complete -c masst -n "__fish_masst_using_subcommand alarms; and not __fish_seen_subcommand_from install help" -s h -l help -d 'Print help'
complete -c masst -n "__fish_masst_using_subcommand alarms; and not __fish_seen_subcommand_from install help" -f -a "install" -d 'Create (or bring back in line) the seed\'s alarms: ThrottleRate, DegradationRate, circuit OPEN per model, batch QueueDepth and QueueAge, DLQ depth'
complete -c masst -n "__fish_masst_using_subcommand alarms; and not __fish_seen_subcommand_from install help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c masst -n "__fish_masst_using_subcommand alarms; and __fish_seen_subcommand_from install" -l sns-topic -d 'Notify this SNS topic when an alarm fires' -r
complete -c masst -n "__fish_masst_using_subcommand alarms; and __fish_seen_subcommand_from install" -l diagnosis -d 'The diagnosis that offered this action (set by `diagnose --apply`)' -r
complete -c masst -n "__fish_masst_using_subcommand alarms; and __fish_seen_subcommand_from install" -l verify-timeout -d 'With --verify: give up after this long (default: the outcome\'s recovery budget)' -r
complete -c masst -n "__fish_masst_using_subcommand alarms; and __fish_seen_subcommand_from install" -l verify-every -d 'With --verify: read the evidence again this often' -r
complete -c masst -n "__fish_masst_using_subcommand alarms; and __fish_seen_subcommand_from install" -l output -d 'Output format: human text, or one JSON document on stdout' -r -f -a "human\t''
json\t''"
complete -c masst -n "__fish_masst_using_subcommand alarms; and __fish_seen_subcommand_from install" -l config -d 'Configuration file (default: ./masst.toml, then $XDG_CONFIG_HOME/masst/masst.toml)' -r -F
complete -c masst -n "__fish_masst_using_subcommand alarms; and __fish_seen_subcommand_from install" -l runbooks -d 'Add the runbooks of this folder (or file) to the embedded ones; one with the name of an embedded runbook replaces it' -r -F
complete -c masst -n "__fish_masst_using_subcommand alarms; and __fish_seen_subcommand_from install" -l only-runbooks -d 'Use exactly the runbooks of this folder (or file), none of the embedded ones' -r -F
complete -c masst -n "__fish_masst_using_subcommand alarms; and __fish_seen_subcommand_from install" -l profile -d 'AWS profile (default: AWS_PROFILE, then [aws] profile in masst.toml)' -r
complete -c masst -n "__fish_masst_using_subcommand alarms; and __fish_seen_subcommand_from install" -l region -d 'AWS region (default: AWS_REGION, then the profile, then [aws] region)' -r
complete -c masst -n "__fish_masst_using_subcommand alarms; and __fish_seen_subcommand_from install" -l endpoint-url -d 'Send every AWS call to this endpoint (default: AWS_ENDPOINT_URL, then [aws] endpoint_url)' -r
complete -c masst -n "__fish_masst_using_subcommand alarms; and __fish_seen_subcommand_from install" -l journal -d 'The change journal (default: $XDG_STATE_HOME/masst/journal.jsonl)' -r -F
complete -c masst -n "__fish_masst_using_subcommand alarms; and __fish_seen_subcommand_from install" -l target -d 'Run against this target of [targets] in masst.toml (repeatable; default: MASST_TARGET, comma-separated). Read-only commands read every target given; changes take one' -r
complete -c masst -n "__fish_masst_using_subcommand alarms; and __fish_seen_subcommand_from install" -s y -l yes -d 'Apply without asking (needed when stdin is not a terminal)'
complete -c masst -n "__fish_masst_using_subcommand alarms; and __fish_seen_subcommand_from install" -l dry-run -d 'Show the plan and change nothing'
complete -c masst -n "__fish_masst_using_subcommand alarms; and __fish_seen_subcommand_from install" -l force -d 'Override the quota guard (for undo: a state that changed since)'
complete -c masst -n "__fish_masst_using_subcommand alarms; and __fish_seen_subcommand_from install" -l no-wait -d 'Return once an AppConfig deployment has started instead of following it'
complete -c masst -n "__fish_masst_using_subcommand alarms; and __fish_seen_subcommand_from install" -l verify -d 'After the change, watch the runbook that offered it (or those whose outcomes list the action) until the incident recovers; on `worse`, offer `masst undo` on a terminal'
complete -c masst -n "__fish_masst_using_subcommand alarms; and __fish_seen_subcommand_from install" -s q -l quiet -d 'Print only results and errors'
complete -c masst -n "__fish_masst_using_subcommand alarms; and __fish_seen_subcommand_from install" -s v -l verbose -d 'Log more (-v: each AWS call with its duration; -vv: debug)'
complete -c masst -n "__fish_masst_using_subcommand alarms; and __fish_seen_subcommand_from install" -l all-targets -d 'Run against every target of [targets] (read-only commands only)'
complete -c masst -n "__fish_masst_using_subcommand alarms; and __fish_seen_subcommand_from install" -s h -l help -d 'Print help'
complete -c masst -n "__fish_masst_using_subcommand alarms; and __fish_seen_subcommand_from help" -f -a "install" -d 'Create (or bring back in line) the seed\'s alarms: ThrottleRate, DegradationRate, circuit OPEN per model, batch QueueDepth and QueueAge, DLQ depth'
complete -c masst -n "__fish_masst_using_subcommand alarms; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c masst -n "__fish_masst_using_subcommand quota; and not __fish_seen_subcommand_from sync help" -l output -d 'Output format: human text, or one JSON document on stdout' -r -f -a "human\t''
json\t''"
complete -c masst -n "__fish_masst_using_subcommand quota; and not __fish_seen_subcommand_from sync help" -l config -d 'Configuration file (default: ./masst.toml, then $XDG_CONFIG_HOME/masst/masst.toml)' -r -F
complete -c masst -n "__fish_masst_using_subcommand quota; and not __fish_seen_subcommand_from sync help" -l runbooks -d 'Add the runbooks of this folder (or file) to the embedded ones; one with the name of an embedded runbook replaces it' -r -F
complete -c masst -n "__fish_masst_using_subcommand quota; and not __fish_seen_subcommand_from sync help" -l only-runbooks -d 'Use exactly the runbooks of this folder (or file), none of the embedded ones' -r -F
complete -c masst -n "__fish_masst_using_subcommand quota; and not __fish_seen_subcommand_from sync help" -l profile -d 'AWS profile (default: AWS_PROFILE, then [aws] profile in masst.toml)' -r
complete -c masst -n "__fish_masst_using_subcommand quota; and not __fish_seen_subcommand_from sync help" -l region -d 'AWS region (default: AWS_REGION, then the profile, then [aws] region)' -r
complete -c masst -n "__fish_masst_using_subcommand quota; and not __fish_seen_subcommand_from sync help" -l endpoint-url -d 'Send every AWS call to this endpoint (default: AWS_ENDPOINT_URL, then [aws] endpoint_url)' -r
complete -c masst -n "__fish_masst_using_subcommand quota; and not __fish_seen_subcommand_from sync help" -l journal -d 'The change journal (default: $XDG_STATE_HOME/masst/journal.jsonl)' -r -F
complete -c masst -n "__fish_masst_using_subcommand quota; and not __fish_seen_subcommand_from sync help" -l target -d 'Run against this target of [targets] in masst.toml (repeatable; default: MASST_TARGET, comma-separated). Read-only commands read every target given; changes take one' -r
complete -c masst -n "__fish_masst_using_subcommand quota; and not __fish_seen_subcommand_from sync help" -s q -l quiet -d 'Print only results and errors'
complete -c masst -n "__fish_masst_using_subcommand quota; and not __fish_seen_subcommand_from sync help" -s v -l verbose -d 'Log more (-v: each AWS call with its duration; -vv: debug)'
complete -c masst -n "__fish_masst_using_subcommand quota; and not __fish_seen_subcommand_from sync help" -l all-targets -d 'Run against every target of [targets] (read-only commands only)'
complete -c masst -n "__fish_masst_using_subcommand quota; and not __fish_seen_subcommand_from sync help" -s h -l help -d 'Print help'
complete -c masst -n "__fish_masst_using_subcommand quota; and not __fish_seen_subcommand_from sync help" -f -a "sync" -d 'Copy each model\'s applied Service Quotas value (quota codes in `[quotas]` of masst.toml) into `account_quota` (journaled; `masst undo` reverses it)'
complete -c masst -n "__fish_masst_using_subcommand quota; and not __fish_seen_subcommand_from sync help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c masst -n "__fish_masst_using_subcommand quota; and __fish_seen_subcommand_from sync" -l diagnosis -d 'The diagnosis that offered this action (set by `diagnose --apply`)' -r
complete -c masst -n "__fish_masst_using_subcommand quota; and __fish_seen_subcommand_from sync" -l verify-timeout -d 'With --verify: give up after this long (default: the outcome\'s recovery budget)' -r
complete -c masst -n "__fish_masst_using_subcommand quota; and __fish_seen_subcommand_from sync" -l verify-every -d 'With --verify: read the evidence again this often' -r
complete -c masst -n "__fish_masst_using_subcommand quota; and __fish_seen_subcommand_from sync" -l output -d 'Output format: human text, or one JSON document on stdout' -r -f -a "human\t''
json\t''"
complete -c masst -n "__fish_masst_using_subcommand quota; and __fish_seen_subcommand_from sync" -l config -d 'Configuration file (default: ./masst.toml, then $XDG_CONFIG_HOME/masst/masst.toml)' -r -F
complete -c masst -n "__fish_masst_using_subcommand quota; and __fish_seen_subcommand_from sync" -l runbooks -d 'Add the runbooks of this folder (or file) to the embedded ones; one with the name of an embedded runbook replaces it' -r -F
complete -c masst -n "__fish_masst_using_subcommand quota; and __fish_seen_subcommand_from sync" -l only-runbooks -d 'Use exactly the runbooks of this folder (or file), none of the embedded ones' -r -F
complete -c masst -n "__fish_masst_using_subcommand quota; and __fish_seen_subcommand_from sync" -l profile -d 'AWS profile (default: AWS_PROFILE, then [aws] profile in masst.toml)' -r
complete -c masst -n "__fish_masst_using_subcommand quota; and __fish_seen_subcommand_from sync" -l region -d 'AWS region (default: AWS_REGION, then the profile, then [aws] region)' -r
complete -c masst -n "__fish_masst_using_subcommand quota; and __fish_seen_subcommand_from sync" -l endpoint-url -d 'Send every AWS call to this endpoint (default: AWS_ENDPOINT_URL, then [aws] endpoint_url)' -r
complete -c masst -n "__fish_masst_using_subcommand quota; and __fish_seen_subcommand_from sync" -l journal -d 'The change journal (default: $XDG_STATE_HOME/masst/journal.jsonl)' -r -F
complete -c masst -n "__fish_masst_using_subcommand quota; and __fish_seen_subcommand_from sync" -l target -d 'Run against this target of [targets] in masst.toml (repeatable; default: MASST_TARGET, comma-separated). Read-only commands read every target given; changes take one' -r
complete -c masst -n "__fish_masst_using_subcommand quota; and __fish_seen_subcommand_from sync" -s y -l yes -d 'Apply without asking (needed when stdin is not a terminal)'
complete -c masst -n "__fish_masst_using_subcommand quota; and __fish_seen_subcommand_from sync" -l dry-run -d 'Show the plan and change nothing'
complete -c masst -n "__fish_masst_using_subcommand quota; and __fish_seen_subcommand_from sync" -l force -d 'Override the quota guard (for undo: a state that changed since)'
complete -c masst -n "__fish_masst_using_subcommand quota; and __fish_seen_subcommand_from sync" -l no-wait -d 'Return once an AppConfig deployment has started instead of following it'
complete -c masst -n "__fish_masst_using_subcommand quota; and __fish_seen_subcommand_from sync" -l verify -d 'After the change, watch the runbook that offered it (or those whose outcomes list the action) until the incident recovers; on `worse`, offer `masst undo` on a terminal'
complete -c masst -n "__fish_masst_using_subcommand quota; and __fish_seen_subcommand_from sync" -s q -l quiet -d 'Print only results and errors'
complete -c masst -n "__fish_masst_using_subcommand quota; and __fish_seen_subcommand_from sync" -s v -l verbose -d 'Log more (-v: each AWS call with its duration; -vv: debug)'
complete -c masst -n "__fish_masst_using_subcommand quota; and __fish_seen_subcommand_from sync" -l all-targets -d 'Run against every target of [targets] (read-only commands only)'
complete -c masst -n "__fish_masst_using_subcommand quota; and __fish_seen_subcommand_from sync" -s h -l help -d 'Print help'
complete -c masst -n "__fish_masst_using_subcommand quota; and __fish_seen_subcommand_from help" -f -a "sync" -d 'Copy each model\'s applied Service Quotas value (quota codes in `[quotas]` of masst.toml) into `account_quota` (journaled; `masst undo` reverses it)'
complete -c masst -n "__fish_masst_using_subcommand quota; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c masst -n "__fish_masst_using_subcommand audit" -l check -d 'Run only these checks (contract §8 ids). Repeatable' -r
complete -c masst -n "__fish_masst_using_subcommand audit" -l fail-on -d 'Exit 1 when a failing or unknown check is at least this severe' -r -f -a "info\t''
warning\t''
critical\t''"
complete -c masst -n "__fish_masst_using_subcommand audit" -l audits -d 'More audit files: every *.toml of this folder, added to the embedded checks' -r -F
complete -c masst -n "__fish_masst_using_subcommand audit" -l scenario -d 'Use an embedded scenario instead of live AWS' -r -f -a "batch-backlog\t''
conservative-limits\t''
dlq-retryable\t''
flash-sale\t''
healthy\t''
priority-inversion\t''"
complete -c masst -n "__fish_masst_using_subcommand audit" -l from -d 'Use a snapshot file' -r -F
complete -c masst -n "__fish_masst_using_subcommand audit" -l output -d 'Output format: human text, or one JSON document on stdout; `audit` and `diagnose` also write SARIF 2.1.0 or JUnit XML for CI' -r -f -a "human\t''
json\t''
sarif\t'SARIF 2.1.0 (`audit`, `diagnose`)'
junit\t'JUnit XML (`audit`, `diagnose`)'"
complete -c masst -n "__fish_masst_using_subcommand audit" -l config -d 'Configuration file (default: ./masst.toml, then $XDG_CONFIG_HOME/masst/masst.toml)' -r -F
complete -c masst -n "__fish_masst_using_subcommand audit" -l runbooks -d 'Add the runbooks of this folder (or file) to the embedded ones; one with the name of an embedded runbook replaces it' -r -F
complete -c masst -n "__fish_masst_using_subcommand audit" -l only-runbooks -d 'Use exactly the runbooks of this folder (or file), none of the embedded ones' -r -F
complete -c masst -n "__fish_masst_using_subcommand audit" -l profile -d 'AWS profile (default: AWS_PROFILE, then [aws] profile in masst.toml)' -r
complete -c masst -n "__fish_masst_using_subcommand audit" -l region -d 'AWS region (default: AWS_REGION, then the profile, then [aws] region)' -r
complete -c masst -n "__fish_masst_using_subcommand audit" -l endpoint-url -d 'Send every AWS call to this endpoint (default: AWS_ENDPOINT_URL, then [aws] endpoint_url)' -r
complete -c masst -n "__fish_masst_using_subcommand audit" -l journal -d 'The change journal (default: $XDG_STATE_HOME/masst/journal.jsonl)' -r -F
complete -c masst -n "__fish_masst_using_subcommand audit" -l target -d 'Run against this target of [targets] in masst.toml (repeatable; default: MASST_TARGET, comma-separated). Read-only commands read every target given; changes take one' -r
complete -c masst -n "__fish_masst_using_subcommand audit" -l fix -d 'Offer each failing check\'s fix in turn (preview, confirmation, journal), then check again'
complete -c masst -n "__fish_masst_using_subcommand audit" -s y -l yes -d 'With --fix: do not ask'
complete -c masst -n "__fish_masst_using_subcommand audit" -l dry-run -d 'With --fix: show each fix\'s change and apply none (contract §7)'
complete -c masst -n "__fish_masst_using_subcommand audit" -s q -l quiet -d 'Print only results and errors'
complete -c masst -n "__fish_masst_using_subcommand audit" -s v -l verbose -d 'Log more (-v: each AWS call with its duration; -vv: debug)'
complete -c masst -n "__fish_masst_using_subcommand audit" -l all-targets -d 'Run against every target of [targets] (read-only commands only)'
complete -c masst -n "__fish_masst_using_subcommand audit" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c masst -n "__fish_masst_using_subcommand dlq; and not __fish_seen_subcommand_from inspect redrive help" -l output -d 'Output format: human text, or one JSON document on stdout' -r -f -a "human\t''
json\t''"
complete -c masst -n "__fish_masst_using_subcommand dlq; and not __fish_seen_subcommand_from inspect redrive help" -l config -d 'Configuration file (default: ./masst.toml, then $XDG_CONFIG_HOME/masst/masst.toml)' -r -F
complete -c masst -n "__fish_masst_using_subcommand dlq; and not __fish_seen_subcommand_from inspect redrive help" -l runbooks -d 'Add the runbooks of this folder (or file) to the embedded ones; one with the name of an embedded runbook replaces it' -r -F
complete -c masst -n "__fish_masst_using_subcommand dlq; and not __fish_seen_subcommand_from inspect redrive help" -l only-runbooks -d 'Use exactly the runbooks of this folder (or file), none of the embedded ones' -r -F
complete -c masst -n "__fish_masst_using_subcommand dlq; and not __fish_seen_subcommand_from inspect redrive help" -l profile -d 'AWS profile (default: AWS_PROFILE, then [aws] profile in masst.toml)' -r
complete -c masst -n "__fish_masst_using_subcommand dlq; and not __fish_seen_subcommand_from inspect redrive help" -l region -d 'AWS region (default: AWS_REGION, then the profile, then [aws] region)' -r
complete -c masst -n "__fish_masst_using_subcommand dlq; and not __fish_seen_subcommand_from inspect redrive help" -l endpoint-url -d 'Send every AWS call to this endpoint (default: AWS_ENDPOINT_URL, then [aws] endpoint_url)' -r
complete -c masst -n "__fish_masst_using_subcommand dlq; and not __fish_seen_subcommand_from inspect redrive help" -l journal -d 'The change journal (default: $XDG_STATE_HOME/masst/journal.jsonl)' -r -F
complete -c masst -n "__fish_masst_using_subcommand dlq; and not __fish_seen_subcommand_from inspect redrive help" -l target -d 'Run against this target of [targets] in masst.toml (repeatable; default: MASST_TARGET, comma-separated). Read-only commands read every target given; changes take one' -r
complete -c masst -n "__fish_masst_using_subcommand dlq; and not __fish_seen_subcommand_from inspect redrive help" -s q -l quiet -d 'Print only results and errors'
complete -c masst -n "__fish_masst_using_subcommand dlq; and not __fish_seen_subcommand_from inspect redrive help" -s v -l verbose -d 'Log more (-v: each AWS call with its duration; -vv: debug)'
complete -c masst -n "__fish_masst_using_subcommand dlq; and not __fish_seen_subcommand_from inspect redrive help" -l all-targets -d 'Run against every target of [targets] (read-only commands only)'
complete -c masst -n "__fish_masst_using_subcommand dlq; and not __fish_seen_subcommand_from inspect redrive help" -s h -l help -d 'Print help'
complete -c masst -n "__fish_masst_using_subcommand dlq; and not __fish_seen_subcommand_from inspect redrive help" -f -a "inspect" -d 'Show what the DLQ holds without consuming it: error types, retryable or not, formats, ages, receive counts; `--show N` prints example bodies'
complete -c masst -n "__fish_masst_using_subcommand dlq; and not __fish_seen_subcommand_from inspect redrive help" -f -a "redrive" -d 'Move DLQ messages back to their source queue: job body with _retry_count reset, message attributes kept (but error_type), each DLQ copy deleted only after SQS confirmed the send'
complete -c masst -n "__fish_masst_using_subcommand dlq; and not __fish_seen_subcommand_from inspect redrive help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c masst -n "__fish_masst_using_subcommand dlq; and __fish_seen_subcommand_from inspect" -l sample -d 'Read at most N messages instead of the whole DLQ' -r
complete -c masst -n "__fish_masst_using_subcommand dlq; and __fish_seen_subcommand_from inspect" -l show -d 'Print N example bodies (truncated; binary bodies are described)' -r
complete -c masst -n "__fish_masst_using_subcommand dlq; and __fish_seen_subcommand_from inspect" -l output -d 'Output format: human text, or one JSON document on stdout' -r -f -a "human\t''
json\t''"
complete -c masst -n "__fish_masst_using_subcommand dlq; and __fish_seen_subcommand_from inspect" -l config -d 'Configuration file (default: ./masst.toml, then $XDG_CONFIG_HOME/masst/masst.toml)' -r -F
complete -c masst -n "__fish_masst_using_subcommand dlq; and __fish_seen_subcommand_from inspect" -l runbooks -d 'Add the runbooks of this folder (or file) to the embedded ones; one with the name of an embedded runbook replaces it' -r -F
complete -c masst -n "__fish_masst_using_subcommand dlq; and __fish_seen_subcommand_from inspect" -l only-runbooks -d 'Use exactly the runbooks of this folder (or file), none of the embedded ones' -r -F
complete -c masst -n "__fish_masst_using_subcommand dlq; and __fish_seen_subcommand_from inspect" -l profile -d 'AWS profile (default: AWS_PROFILE, then [aws] profile in masst.toml)' -r
complete -c masst -n "__fish_masst_using_subcommand dlq; and __fish_seen_subcommand_from inspect" -l region -d 'AWS region (default: AWS_REGION, then the profile, then [aws] region)' -r
complete -c masst -n "__fish_masst_using_subcommand dlq; and __fish_seen_subcommand_from inspect" -l endpoint-url -d 'Send every AWS call to this endpoint (default: AWS_ENDPOINT_URL, then [aws] endpoint_url)' -r
complete -c masst -n "__fish_masst_using_subcommand dlq; and __fish_seen_subcommand_from inspect" -l journal -d 'The change journal (default: $XDG_STATE_HOME/masst/journal.jsonl)' -r -F
complete -c masst -n "__fish_masst_using_subcommand dlq; and __fish_seen_subcommand_from inspect" -l target -d 'Run against this target of [targets] in masst.toml (repeatable; default: MASST_TARGET, comma-separated). Read-only commands read every target given; changes take one' -r
complete -c masst -n "__fish_masst_using_subcommand dlq; and __fish_seen_subcommand_from inspect" -l publish -d 'Publish the composition as MangaAssist/DLQ metrics Retryable, NonRetryable and Unknown (the seed\'s "DLQ composition monitoring"; `alarms install` alarms on Retryable > 0)'
complete -c masst -n "__fish_masst_using_subcommand dlq; and __fish_seen_subcommand_from inspect" -s q -l quiet -d 'Print only results and errors'
complete -c masst -n "__fish_masst_using_subcommand dlq; and __fish_seen_subcommand_from inspect" -s v -l verbose -d 'Log more (-v: each AWS call with its duration; -vv: debug)'
complete -c masst -n "__fish_masst_using_subcommand dlq; and __fish_seen_subcommand_from inspect" -l all-targets -d 'Run against every target of [targets] (read-only commands only)'
complete -c masst -n "__fish_masst_using_subcommand dlq; and __fish_seen_subcommand_from inspect" -s h -l help -d 'Print help'
complete -c masst -n "__fish_masst_using_subcommand dlq; and __fish_seen_subcommand_from redrive" -l error-type -d 'Move messages of this error type, even a non-retryable one. Repeatable' -r
complete -c masst -n "__fish_masst_using_subcommand dlq; and __fish_seen_subcommand_from redrive" -l max -d 'Move exactly min(N, selected) messages (1 to 1,000,000,000)' -r
complete -c masst -n "__fish_masst_using_subcommand dlq; and __fish_seen_subcommand_from redrive" -l rate -d 'At most this many messages a second (1 to 100,000)' -r
complete -c masst -n "__fish_masst_using_subcommand dlq; and __fish_seen_subcommand_from redrive" -l concurrency -d 'Batches in flight at once (1 to 64)' -r
complete -c masst -n "__fish_masst_using_subcommand dlq; and __fish_seen_subcommand_from redrive" -l to -d 'The destination queue (default: the queue whose RedrivePolicy names the DLQ)' -r
complete -c masst -n "__fish_masst_using_subcommand dlq; and __fish_seen_subcommand_from redrive" -l visibility-timeout -d 'Seconds a batch stays hidden in the DLQ while it is copied and deleted (1 to 43,200)' -r
complete -c masst -n "__fish_masst_using_subcommand dlq; and __fish_seen_subcommand_from redrive" -l diagnosis -d 'The diagnosis that offered this action (set by `diagnose --apply`)' -r
complete -c masst -n "__fish_masst_using_subcommand dlq; and __fish_seen_subcommand_from redrive" -l verify-timeout -d 'With --verify: give up after this long (default: the outcome\'s recovery budget)' -r
complete -c masst -n "__fish_masst_using_subcommand dlq; and __fish_seen_subcommand_from redrive" -l verify-every -d 'With --verify: read the evidence again this often' -r
complete -c masst -n "__fish_masst_using_subcommand dlq; and __fish_seen_subcommand_from redrive" -l output -d 'Output format: human text, or one JSON document on stdout' -r -f -a "human\t''
json\t''"
complete -c masst -n "__fish_masst_using_subcommand dlq; and __fish_seen_subcommand_from redrive" -l config -d 'Configuration file (default: ./masst.toml, then $XDG_CONFIG_HOME/masst/masst.toml)' -r -F
complete -c masst -n "__fish_masst_using_subcommand dlq; and __fish_seen_subcommand_from redrive" -l runbooks -d 'Add the runbooks of this folder (or file) to the embedded ones; one with the name of an embedded runbook replaces it' -r -F
complete -c masst -n "__fish_masst_using_subcommand dlq; and __fish_seen_subcommand_from redrive" -l only-runbooks -d 'Use exactly the runbooks of this folder (or file), none of the embedded ones' -r -F
complete -c masst -n "__fish_masst_using_subcommand dlq; and __fish_seen_subcommand_from redrive" -l profile -d 'AWS profile (default: AWS_PROFILE, then [aws] profile in masst.toml)' -r
complete -c masst -n "__fish_masst_using_subcommand dlq; and __fish_seen_subcommand_from redrive" -l region -d 'AWS region (default: AWS_REGION, then the profile, then [aws] region)' -r
complete -c masst -n "__fish_masst_using_subcommand dlq; and __fish_seen_subcommand_from redrive" -l endpoint-url -d 'Send every AWS call to this endpoint (default: AWS_ENDPOINT_URL, then [aws] endpoint_url)' -r
complete -c masst -n "__fish_masst_using_subcommand dlq; and __fish_seen_subcommand_from redrive" -l journal -d 'The change journal (default: $XDG_STATE_HOME/masst/journal.jsonl)' -r -F
complete -c masst -n "__fish_masst_using_subcommand dlq; and __fish_seen_subcommand_from redrive" -l target -d 'Run against this target of [targets] in masst.toml (repeatable; default: MASST_TARGET, comma-separated). Read-only commands read every target given; changes take one' -r
complete -c masst -n "__fish_masst_using_subcommand dlq; and __fish_seen_subcommand_from redrive" -l retryable-only -d 'Move messages whose error type is retryable (the default selection)'
complete -c masst -n "__fish_masst_using_subcommand dlq; and __fish_seen_subcommand_from redrive" -l all -d 'Move every message that carries a job body, whatever its error type'
complete -c masst -n "__fish_masst_using_subcommand dlq; and __fish_seen_subcommand_from redrive" -s y -l yes -d 'Apply without asking (needed when stdin is not a terminal)'
complete -c masst -n "__fish_masst_using_subcommand dlq; and __fish_seen_subcommand_from redrive" -l dry-run -d 'Show the plan and change nothing'
complete -c masst -n "__fish_masst_using_subcommand dlq; and __fish_seen_subcommand_from redrive" -l force -d 'Override the quota guard (for undo: a state that changed since)'
complete -c masst -n "__fish_masst_using_subcommand dlq; and __fish_seen_subcommand_from redrive" -l no-wait -d 'Return once an AppConfig deployment has started instead of following it'
complete -c masst -n "__fish_masst_using_subcommand dlq; and __fish_seen_subcommand_from redrive" -l verify -d 'After the change, watch the runbook that offered it (or those whose outcomes list the action) until the incident recovers; on `worse`, offer `masst undo` on a terminal'
complete -c masst -n "__fish_masst_using_subcommand dlq; and __fish_seen_subcommand_from redrive" -s q -l quiet -d 'Print only results and errors'
complete -c masst -n "__fish_masst_using_subcommand dlq; and __fish_seen_subcommand_from redrive" -s v -l verbose -d 'Log more (-v: each AWS call with its duration; -vv: debug)'
complete -c masst -n "__fish_masst_using_subcommand dlq; and __fish_seen_subcommand_from redrive" -l all-targets -d 'Run against every target of [targets] (read-only commands only)'
complete -c masst -n "__fish_masst_using_subcommand dlq; and __fish_seen_subcommand_from redrive" -s h -l help -d 'Print help'
complete -c masst -n "__fish_masst_using_subcommand dlq; and __fish_seen_subcommand_from help" -f -a "inspect" -d 'Show what the DLQ holds without consuming it: error types, retryable or not, formats, ages, receive counts; `--show N` prints example bodies'
complete -c masst -n "__fish_masst_using_subcommand dlq; and __fish_seen_subcommand_from help" -f -a "redrive" -d 'Move DLQ messages back to their source queue: job body with _retry_count reset, message attributes kept (but error_type), each DLQ copy deleted only after SQS confirmed the send'
complete -c masst -n "__fish_masst_using_subcommand dlq; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c masst -n "__fish_masst_using_subcommand journal" -l output -d 'Output format: human text, or one JSON document on stdout' -r -f -a "human\t''
json\t''"
complete -c masst -n "__fish_masst_using_subcommand journal" -l config -d 'Configuration file (default: ./masst.toml, then $XDG_CONFIG_HOME/masst/masst.toml)' -r -F
complete -c masst -n "__fish_masst_using_subcommand journal" -l runbooks -d 'Add the runbooks of this folder (or file) to the embedded ones; one with the name of an embedded runbook replaces it' -r -F
complete -c masst -n "__fish_masst_using_subcommand journal" -l only-runbooks -d 'Use exactly the runbooks of this folder (or file), none of the embedded ones' -r -F
complete -c masst -n "__fish_masst_using_subcommand journal" -l profile -d 'AWS profile (default: AWS_PROFILE, then [aws] profile in masst.toml)' -r
complete -c masst -n "__fish_masst_using_subcommand journal" -l region -d 'AWS region (default: AWS_REGION, then the profile, then [aws] region)' -r
complete -c masst -n "__fish_masst_using_subcommand journal" -l endpoint-url -d 'Send every AWS call to this endpoint (default: AWS_ENDPOINT_URL, then [aws] endpoint_url)' -r
complete -c masst -n "__fish_masst_using_subcommand journal" -l journal -d 'The change journal (default: $XDG_STATE_HOME/masst/journal.jsonl)' -r -F
complete -c masst -n "__fish_masst_using_subcommand journal" -l target -d 'Run against this target of [targets] in masst.toml (repeatable; default: MASST_TARGET, comma-separated). Read-only commands read every target given; changes take one' -r
complete -c masst -n "__fish_masst_using_subcommand journal" -s q -l quiet -d 'Print only results and errors'
complete -c masst -n "__fish_masst_using_subcommand journal" -s v -l verbose -d 'Log more (-v: each AWS call with its duration; -vv: debug)'
complete -c masst -n "__fish_masst_using_subcommand journal" -l all-targets -d 'Run against every target of [targets] (read-only commands only)'
complete -c masst -n "__fish_masst_using_subcommand journal" -s h -l help -d 'Print help'
complete -c masst -n "__fish_masst_using_subcommand undo" -l diagnosis -d 'The diagnosis that offered this action (set by `diagnose --apply`)' -r
complete -c masst -n "__fish_masst_using_subcommand undo" -l verify-timeout -d 'With --verify: give up after this long (default: the outcome\'s recovery budget)' -r
complete -c masst -n "__fish_masst_using_subcommand undo" -l verify-every -d 'With --verify: read the evidence again this often' -r
complete -c masst -n "__fish_masst_using_subcommand undo" -l output -d 'Output format: human text, or one JSON document on stdout' -r -f -a "human\t''
json\t''"
complete -c masst -n "__fish_masst_using_subcommand undo" -l config -d 'Configuration file (default: ./masst.toml, then $XDG_CONFIG_HOME/masst/masst.toml)' -r -F
complete -c masst -n "__fish_masst_using_subcommand undo" -l runbooks -d 'Add the runbooks of this folder (or file) to the embedded ones; one with the name of an embedded runbook replaces it' -r -F
complete -c masst -n "__fish_masst_using_subcommand undo" -l only-runbooks -d 'Use exactly the runbooks of this folder (or file), none of the embedded ones' -r -F
complete -c masst -n "__fish_masst_using_subcommand undo" -l profile -d 'AWS profile (default: AWS_PROFILE, then [aws] profile in masst.toml)' -r
complete -c masst -n "__fish_masst_using_subcommand undo" -l region -d 'AWS region (default: AWS_REGION, then the profile, then [aws] region)' -r
complete -c masst -n "__fish_masst_using_subcommand undo" -l endpoint-url -d 'Send every AWS call to this endpoint (default: AWS_ENDPOINT_URL, then [aws] endpoint_url)' -r
complete -c masst -n "__fish_masst_using_subcommand undo" -l journal -d 'The change journal (default: $XDG_STATE_HOME/masst/journal.jsonl)' -r -F
complete -c masst -n "__fish_masst_using_subcommand undo" -l target -d 'Run against this target of [targets] in masst.toml (repeatable; default: MASST_TARGET, comma-separated). Read-only commands read every target given; changes take one' -r
complete -c masst -n "__fish_masst_using_subcommand undo" -s y -l yes -d 'Apply without asking (needed when stdin is not a terminal)'
complete -c masst -n "__fish_masst_using_subcommand undo" -l dry-run -d 'Show the plan and change nothing'
complete -c masst -n "__fish_masst_using_subcommand undo" -l force -d 'Override the quota guard (for undo: a state that changed since)'
complete -c masst -n "__fish_masst_using_subcommand undo" -l no-wait -d 'Return once an AppConfig deployment has started instead of following it'
complete -c masst -n "__fish_masst_using_subcommand undo" -l verify -d 'After the change, watch the runbook that offered it (or those whose outcomes list the action) until the incident recovers; on `worse`, offer `masst undo` on a terminal'
complete -c masst -n "__fish_masst_using_subcommand undo" -s q -l quiet -d 'Print only results and errors'
complete -c masst -n "__fish_masst_using_subcommand undo" -s v -l verbose -d 'Log more (-v: each AWS call with its duration; -vv: debug)'
complete -c masst -n "__fish_masst_using_subcommand undo" -l all-targets -d 'Run against every target of [targets] (read-only commands only)'
complete -c masst -n "__fish_masst_using_subcommand undo" -s h -l help -d 'Print help'
complete -c masst -n "__fish_masst_using_subcommand runbook; and not __fish_seen_subcommand_from list show validate help" -l output -d 'Output format: human text, or one JSON document on stdout' -r -f -a "human\t''
json\t''"
complete -c masst -n "__fish_masst_using_subcommand runbook; and not __fish_seen_subcommand_from list show validate help" -l config -d 'Configuration file (default: ./masst.toml, then $XDG_CONFIG_HOME/masst/masst.toml)' -r -F
complete -c masst -n "__fish_masst_using_subcommand runbook; and not __fish_seen_subcommand_from list show validate help" -l runbooks -d 'Add the runbooks of this folder (or file) to the embedded ones; one with the name of an embedded runbook replaces it' -r -F
complete -c masst -n "__fish_masst_using_subcommand runbook; and not __fish_seen_subcommand_from list show validate help" -l only-runbooks -d 'Use exactly the runbooks of this folder (or file), none of the embedded ones' -r -F
complete -c masst -n "__fish_masst_using_subcommand runbook; and not __fish_seen_subcommand_from list show validate help" -l profile -d 'AWS profile (default: AWS_PROFILE, then [aws] profile in masst.toml)' -r
complete -c masst -n "__fish_masst_using_subcommand runbook; and not __fish_seen_subcommand_from list show validate help" -l region -d 'AWS region (default: AWS_REGION, then the profile, then [aws] region)' -r
complete -c masst -n "__fish_masst_using_subcommand runbook; and not __fish_seen_subcommand_from list show validate help" -l endpoint-url -d 'Send every AWS call to this endpoint (default: AWS_ENDPOINT_URL, then [aws] endpoint_url)' -r
complete -c masst -n "__fish_masst_using_subcommand runbook; and not __fish_seen_subcommand_from list show validate help" -l journal -d 'The change journal (default: $XDG_STATE_HOME/masst/journal.jsonl)' -r -F
complete -c masst -n "__fish_masst_using_subcommand runbook; and not __fish_seen_subcommand_from list show validate help" -l target -d 'Run against this target of [targets] in masst.toml (repeatable; default: MASST_TARGET, comma-separated). Read-only commands read every target given; changes take one' -r
complete -c masst -n "__fish_masst_using_subcommand runbook; and not __fish_seen_subcommand_from list show validate help" -s q -l quiet -d 'Print only results and errors'
complete -c masst -n "__fish_masst_using_subcommand runbook; and not __fish_seen_subcommand_from list show validate help" -s v -l verbose -d 'Log more (-v: each AWS call with its duration; -vv: debug)'
complete -c masst -n "__fish_masst_using_subcommand runbook; and not __fish_seen_subcommand_from list show validate help" -l all-targets -d 'Run against every target of [targets] (read-only commands only)'
complete -c masst -n "__fish_masst_using_subcommand runbook; and not __fish_seen_subcommand_from list show validate help" -s h -l help -d 'Print help'
complete -c masst -n "__fish_masst_using_subcommand runbook; and not __fish_seen_subcommand_from list show validate help" -f -a "list" -d 'List the loaded runbooks'
complete -c masst -n "__fish_masst_using_subcommand runbook; and not __fish_seen_subcommand_from list show validate help" -f -a "show" -d 'Show a runbook\'s tree, or print it as a Mermaid flowchart'
complete -c masst -n "__fish_masst_using_subcommand runbook; and not __fish_seen_subcommand_from list show validate help" -f -a "validate" -d 'Check a runbook file or a folder of them; exit 2 with the fix on the first error'
complete -c masst -n "__fish_masst_using_subcommand runbook; and not __fish_seen_subcommand_from list show validate help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c masst -n "__fish_masst_using_subcommand runbook; and __fish_seen_subcommand_from list" -l output -d 'Output format: human text, or one JSON document on stdout' -r -f -a "human\t''
json\t''"
complete -c masst -n "__fish_masst_using_subcommand runbook; and __fish_seen_subcommand_from list" -l config -d 'Configuration file (default: ./masst.toml, then $XDG_CONFIG_HOME/masst/masst.toml)' -r -F
complete -c masst -n "__fish_masst_using_subcommand runbook; and __fish_seen_subcommand_from list" -l runbooks -d 'Add the runbooks of this folder (or file) to the embedded ones; one with the name of an embedded runbook replaces it' -r -F
complete -c masst -n "__fish_masst_using_subcommand runbook; and __fish_seen_subcommand_from list" -l only-runbooks -d 'Use exactly the runbooks of this folder (or file), none of the embedded ones' -r -F
complete -c masst -n "__fish_masst_using_subcommand runbook; and __fish_seen_subcommand_from list" -l profile -d 'AWS profile (default: AWS_PROFILE, then [aws] profile in masst.toml)' -r
complete -c masst -n "__fish_masst_using_subcommand runbook; and __fish_seen_subcommand_from list" -l region -d 'AWS region (default: AWS_REGION, then the profile, then [aws] region)' -r
complete -c masst -n "__fish_masst_using_subcommand runbook; and __fish_seen_subcommand_from list" -l endpoint-url -d 'Send every AWS call to this endpoint (default: AWS_ENDPOINT_URL, then [aws] endpoint_url)' -r
complete -c masst -n "__fish_masst_using_subcommand runbook; and __fish_seen_subcommand_from list" -l journal -d 'The change journal (default: $XDG_STATE_HOME/masst/journal.jsonl)' -r -F
complete -c masst -n "__fish_masst_using_subcommand runbook; and __fish_seen_subcommand_from list" -l target -d 'Run against this target of [targets] in masst.toml (repeatable; default: MASST_TARGET, comma-separated). Read-only commands read every target given; changes take one' -r
complete -c masst -n "__fish_masst_using_subcommand runbook; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only results and errors'
complete -c masst -n "__fish_masst_using_subcommand runbook; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Log more (-v: each AWS call with its duration; -vv: debug)'
complete -c masst -n "__fish_masst_using_subcommand runbook; and __fish_seen_subcommand_from list" -l all-targets -d 'Run against every target of [targets] (read-only commands only)'
complete -c masst -n "__fish_masst_using_subcommand runbook; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c masst -n "__fish_masst_using_subcommand runbook; and __fish_seen_subcommand_from show" -l output -d 'Output format: human text, or one JSON document on stdout' -r -f -a "human\t''
json\t''"
complete -c masst -n "__fish_masst_using_subcommand runbook; and __fish_seen_subcommand_from show" -l config -d 'Configuration file (default: ./masst.toml, then $XDG_CONFIG_HOME/masst/masst.toml)' -r -F
complete -c masst -n "__fish_masst_using_subcommand runbook; and __fish_seen_subcommand_from show" -l runbooks -d 'Add the runbooks of this folder (or file) to the embedded ones; one with the name of an embedded runbook replaces it' -r -F
complete -c masst -n "__fish_masst_using_subcommand runbook; and __fish_seen_subcommand_from show" -l only-runbooks -d 'Use exactly the runbooks of this folder (or file), none of the embedded ones' -r -F
complete -c masst -n "__fish_masst_using_subcommand runbook; and __fish_seen_subcommand_from show" -l profile -d 'AWS profile (default: AWS_PROFILE, then [aws] profile in masst.toml)' -r
complete -c masst -n "__fish_masst_using_subcommand runbook; and __fish_seen_subcommand_from show" -l region -d 'AWS region (default: AWS_REGION, then the profile, then [aws] region)' -r
complete -c masst -n "__fish_masst_using_subcommand runbook; and __fish_seen_subcommand_from show" -l endpoint-url -d 'Send every AWS call to this endpoint (default: AWS_ENDPOINT_URL, then [aws] endpoint_url)' -r
complete -c masst -n "__fish_masst_using_subcommand runbook; and __fish_seen_subcommand_from show" -l journal -d 'The change journal (default: $XDG_STATE_HOME/masst/journal.jsonl)' -r -F
complete -c masst -n "__fish_masst_using_subcommand runbook; and __fish_seen_subcommand_from show" -l target -d 'Run against this target of [targets] in masst.toml (repeatable; default: MASST_TARGET, comma-separated). Read-only commands read every target given; changes take one' -r
complete -c masst -n "__fish_masst_using_subcommand runbook; and __fish_seen_subcommand_from show" -l mermaid -d 'Print a Mermaid flowchart instead (like the seed\'s)'
complete -c masst -n "__fish_masst_using_subcommand runbook; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print only results and errors'
complete -c masst -n "__fish_masst_using_subcommand runbook; and __fish_seen_subcommand_from show" -s v -l verbose -d 'Log more (-v: each AWS call with its duration; -vv: debug)'
complete -c masst -n "__fish_masst_using_subcommand runbook; and __fish_seen_subcommand_from show" -l all-targets -d 'Run against every target of [targets] (read-only commands only)'
complete -c masst -n "__fish_masst_using_subcommand runbook; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help'
complete -c masst -n "__fish_masst_using_subcommand runbook; and __fish_seen_subcommand_from validate" -l output -d 'Output format: human text, or one JSON document on stdout' -r -f -a "human\t''
json\t''"
complete -c masst -n "__fish_masst_using_subcommand runbook; and __fish_seen_subcommand_from validate" -l config -d 'Configuration file (default: ./masst.toml, then $XDG_CONFIG_HOME/masst/masst.toml)' -r -F
complete -c masst -n "__fish_masst_using_subcommand runbook; and __fish_seen_subcommand_from validate" -l runbooks -d 'Add the runbooks of this folder (or file) to the embedded ones; one with the name of an embedded runbook replaces it' -r -F
complete -c masst -n "__fish_masst_using_subcommand runbook; and __fish_seen_subcommand_from validate" -l only-runbooks -d 'Use exactly the runbooks of this folder (or file), none of the embedded ones' -r -F
complete -c masst -n "__fish_masst_using_subcommand runbook; and __fish_seen_subcommand_from validate" -l profile -d 'AWS profile (default: AWS_PROFILE, then [aws] profile in masst.toml)' -r
complete -c masst -n "__fish_masst_using_subcommand runbook; and __fish_seen_subcommand_from validate" -l region -d 'AWS region (default: AWS_REGION, then the profile, then [aws] region)' -r
complete -c masst -n "__fish_masst_using_subcommand runbook; and __fish_seen_subcommand_from validate" -l endpoint-url -d 'Send every AWS call to this endpoint (default: AWS_ENDPOINT_URL, then [aws] endpoint_url)' -r
complete -c masst -n "__fish_masst_using_subcommand runbook; and __fish_seen_subcommand_from validate" -l journal -d 'The change journal (default: $XDG_STATE_HOME/masst/journal.jsonl)' -r -F
complete -c masst -n "__fish_masst_using_subcommand runbook; and __fish_seen_subcommand_from validate" -l target -d 'Run against this target of [targets] in masst.toml (repeatable; default: MASST_TARGET, comma-separated). Read-only commands read every target given; changes take one' -r
complete -c masst -n "__fish_masst_using_subcommand runbook; and __fish_seen_subcommand_from validate" -s q -l quiet -d 'Print only results and errors'
complete -c masst -n "__fish_masst_using_subcommand runbook; and __fish_seen_subcommand_from validate" -s v -l verbose -d 'Log more (-v: each AWS call with its duration; -vv: debug)'
complete -c masst -n "__fish_masst_using_subcommand runbook; and __fish_seen_subcommand_from validate" -l all-targets -d 'Run against every target of [targets] (read-only commands only)'
complete -c masst -n "__fish_masst_using_subcommand runbook; and __fish_seen_subcommand_from validate" -s h -l help -d 'Print help'
complete -c masst -n "__fish_masst_using_subcommand runbook; and __fish_seen_subcommand_from help" -f -a "list" -d 'List the loaded runbooks'
complete -c masst -n "__fish_masst_using_subcommand runbook; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show a runbook\'s tree, or print it as a Mermaid flowchart'
complete -c masst -n "__fish_masst_using_subcommand runbook; and __fish_seen_subcommand_from help" -f -a "validate" -d 'Check a runbook file or a folder of them; exit 2 with the fix on the first error'
complete -c masst -n "__fish_masst_using_subcommand runbook; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c masst -n "__fish_masst_using_subcommand iam-policy" -l output -d 'Output format: human text, or one JSON document on stdout' -r -f -a "human\t''
json\t''"
complete -c masst -n "__fish_masst_using_subcommand iam-policy" -l config -d 'Configuration file (default: ./masst.toml, then $XDG_CONFIG_HOME/masst/masst.toml)' -r -F
complete -c masst -n "__fish_masst_using_subcommand iam-policy" -l runbooks -d 'Add the runbooks of this folder (or file) to the embedded ones; one with the name of an embedded runbook replaces it' -r -F
complete -c masst -n "__fish_masst_using_subcommand iam-policy" -l only-runbooks -d 'Use exactly the runbooks of this folder (or file), none of the embedded ones' -r -F
complete -c masst -n "__fish_masst_using_subcommand iam-policy" -l profile -d 'AWS profile (default: AWS_PROFILE, then [aws] profile in masst.toml)' -r
complete -c masst -n "__fish_masst_using_subcommand iam-policy" -l region -d 'AWS region (default: AWS_REGION, then the profile, then [aws] region)' -r
complete -c masst -n "__fish_masst_using_subcommand iam-policy" -l endpoint-url -d 'Send every AWS call to this endpoint (default: AWS_ENDPOINT_URL, then [aws] endpoint_url)' -r
complete -c masst -n "__fish_masst_using_subcommand iam-policy" -l journal -d 'The change journal (default: $XDG_STATE_HOME/masst/journal.jsonl)' -r -F
complete -c masst -n "__fish_masst_using_subcommand iam-policy" -l target -d 'Run against this target of [targets] in masst.toml (repeatable; default: MASST_TARGET, comma-separated). Read-only commands read every target given; changes take one' -r
complete -c masst -n "__fish_masst_using_subcommand iam-policy" -l read-only -d 'Only what diagnosis needs (diagnose, status, audit, verify, watch, snapshot, report, dlq inspect): the policy of the read-only role each account creates for masst'
complete -c masst -n "__fish_masst_using_subcommand iam-policy" -s q -l quiet -d 'Print only results and errors'
complete -c masst -n "__fish_masst_using_subcommand iam-policy" -s v -l verbose -d 'Log more (-v: each AWS call with its duration; -vv: debug)'
complete -c masst -n "__fish_masst_using_subcommand iam-policy" -l all-targets -d 'Run against every target of [targets] (read-only commands only)'
complete -c masst -n "__fish_masst_using_subcommand iam-policy" -s h -l help -d 'Print help'
complete -c masst -n "__fish_masst_using_subcommand mcp" -l deadline -d 'Give each tool call this long before answering with an error, e.g. `2m`' -r
complete -c masst -n "__fish_masst_using_subcommand mcp" -l window -d 'How much metric history `diagnose` and `status` read, e.g. `60m`, `2h`' -r
complete -c masst -n "__fish_masst_using_subcommand mcp" -l output -d 'Output format: human text, or one JSON document on stdout' -r -f -a "human\t''
json\t''"
complete -c masst -n "__fish_masst_using_subcommand mcp" -l config -d 'Configuration file (default: ./masst.toml, then $XDG_CONFIG_HOME/masst/masst.toml)' -r -F
complete -c masst -n "__fish_masst_using_subcommand mcp" -l runbooks -d 'Add the runbooks of this folder (or file) to the embedded ones; one with the name of an embedded runbook replaces it' -r -F
complete -c masst -n "__fish_masst_using_subcommand mcp" -l only-runbooks -d 'Use exactly the runbooks of this folder (or file), none of the embedded ones' -r -F
complete -c masst -n "__fish_masst_using_subcommand mcp" -l profile -d 'AWS profile (default: AWS_PROFILE, then [aws] profile in masst.toml)' -r
complete -c masst -n "__fish_masst_using_subcommand mcp" -l region -d 'AWS region (default: AWS_REGION, then the profile, then [aws] region)' -r
complete -c masst -n "__fish_masst_using_subcommand mcp" -l endpoint-url -d 'Send every AWS call to this endpoint (default: AWS_ENDPOINT_URL, then [aws] endpoint_url)' -r
complete -c masst -n "__fish_masst_using_subcommand mcp" -l journal -d 'The change journal (default: $XDG_STATE_HOME/masst/journal.jsonl)' -r -F
complete -c masst -n "__fish_masst_using_subcommand mcp" -l target -d 'Run against this target of [targets] in masst.toml (repeatable; default: MASST_TARGET, comma-separated). Read-only commands read every target given; changes take one' -r
complete -c masst -n "__fish_masst_using_subcommand mcp" -s q -l quiet -d 'Print only results and errors'
complete -c masst -n "__fish_masst_using_subcommand mcp" -s v -l verbose -d 'Log more (-v: each AWS call with its duration; -vv: debug)'
complete -c masst -n "__fish_masst_using_subcommand mcp" -l all-targets -d 'Run against every target of [targets] (read-only commands only)'
complete -c masst -n "__fish_masst_using_subcommand mcp" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c masst -n "__fish_masst_using_subcommand completions" -l output -d 'Output format: human text, or one JSON document on stdout' -r -f -a "human\t''
json\t''"
complete -c masst -n "__fish_masst_using_subcommand completions" -l config -d 'Configuration file (default: ./masst.toml, then $XDG_CONFIG_HOME/masst/masst.toml)' -r -F
complete -c masst -n "__fish_masst_using_subcommand completions" -l runbooks -d 'Add the runbooks of this folder (or file) to the embedded ones; one with the name of an embedded runbook replaces it' -r -F
complete -c masst -n "__fish_masst_using_subcommand completions" -l only-runbooks -d 'Use exactly the runbooks of this folder (or file), none of the embedded ones' -r -F
complete -c masst -n "__fish_masst_using_subcommand completions" -l profile -d 'AWS profile (default: AWS_PROFILE, then [aws] profile in masst.toml)' -r
complete -c masst -n "__fish_masst_using_subcommand completions" -l region -d 'AWS region (default: AWS_REGION, then the profile, then [aws] region)' -r
complete -c masst -n "__fish_masst_using_subcommand completions" -l endpoint-url -d 'Send every AWS call to this endpoint (default: AWS_ENDPOINT_URL, then [aws] endpoint_url)' -r
complete -c masst -n "__fish_masst_using_subcommand completions" -l journal -d 'The change journal (default: $XDG_STATE_HOME/masst/journal.jsonl)' -r -F
complete -c masst -n "__fish_masst_using_subcommand completions" -l target -d 'Run against this target of [targets] in masst.toml (repeatable; default: MASST_TARGET, comma-separated). Read-only commands read every target given; changes take one' -r
complete -c masst -n "__fish_masst_using_subcommand completions" -s q -l quiet -d 'Print only results and errors'
complete -c masst -n "__fish_masst_using_subcommand completions" -s v -l verbose -d 'Log more (-v: each AWS call with its duration; -vv: debug)'
complete -c masst -n "__fish_masst_using_subcommand completions" -l all-targets -d 'Run against every target of [targets] (read-only commands only)'
complete -c masst -n "__fish_masst_using_subcommand completions" -s h -l help -d 'Print help'
complete -c masst -n "__fish_masst_using_subcommand help; and not __fish_seen_subcommand_from diagnose snapshot status verify watch report lab config analytics concurrency routing batch producer queue alarms quota audit dlq journal undo runbook iam-policy mcp completions help" -f -a "diagnose" -d 'Walk runbooks against evidence and report root causes'
complete -c masst -n "__fish_masst_using_subcommand help; and not __fish_seen_subcommand_from diagnose snapshot status verify watch report lab config analytics concurrency routing batch producer queue alarms quota audit dlq journal undo runbook iam-policy mcp completions help" -f -a "snapshot" -d 'Capture evidence to a snapshot file, to replay with `diagnose --from`'
complete -c masst -n "__fish_masst_using_subcommand help; and not __fish_seen_subcommand_from diagnose snapshot status verify watch report lab config analytics concurrency routing batch producer queue alarms quota audit dlq journal undo runbook iam-policy mcp completions help" -f -a "status" -d 'One screen of every runbook\'s trigger: current values, thresholds, state'
complete -c masst -n "__fish_masst_using_subcommand help; and not __fish_seen_subcommand_from diagnose snapshot status verify watch report lab config analytics concurrency routing batch producer queue alarms quota audit dlq journal undo runbook iam-policy mcp completions help" -f -a "verify" -d 'After a fix: watch the signals that matter until the incident has recovered, got worse, or the time is up (exit 0 recovered, 1 not recovered or worse, 3 could not look)'
complete -c masst -n "__fish_masst_using_subcommand help; and not __fish_seen_subcommand_from diagnose snapshot status verify watch report lab config analytics concurrency routing batch producer queue alarms quota audit dlq journal undo runbook iam-policy mcp completions help" -f -a "watch" -d 'The on-call dashboard, redrawn every `--every`: every trigger\'s signals, a sparkline of each metric\'s window, the threshold, the state (q or Ctrl-C leaves)'
complete -c masst -n "__fish_masst_using_subcommand help; and not __fish_seen_subcommand_from diagnose snapshot status verify watch report lab config analytics concurrency routing batch producer queue alarms quota audit dlq journal undo runbook iam-policy mcp completions help" -f -a "report" -d 'Write the incident report: one self-contained HTML page (or Markdown, by extension) with the charts, the walk and what was done'
complete -c masst -n "__fish_masst_using_subcommand help; and not __fish_seen_subcommand_from diagnose snapshot status verify watch report lab config analytics concurrency routing batch producer queue alarms quota audit dlq journal undo runbook iam-policy mcp completions help" -f -a "lab" -d 'Write a scenario\'s world into a local AWS emulator (for tests, demos, drills)'
complete -c masst -n "__fish_masst_using_subcommand help; and not __fish_seen_subcommand_from diagnose snapshot status verify watch report lab config analytics concurrency routing batch producer queue alarms quota audit dlq journal undo runbook iam-policy mcp completions help" -f -a "config" -d 'Show the effective configuration and where each value came from'
complete -c masst -n "__fish_masst_using_subcommand help; and not __fish_seen_subcommand_from diagnose snapshot status verify watch report lab config analytics concurrency routing batch producer queue alarms quota audit dlq journal undo runbook iam-policy mcp completions help" -f -a "analytics" -d 'Pause or resume the analytics pipeline\'s Bedrock calls'
complete -c masst -n "__fish_masst_using_subcommand help; and not __fish_seen_subcommand_from diagnose snapshot status verify watch report lab config analytics concurrency routing batch producer queue alarms quota audit dlq journal undo runbook iam-policy mcp completions help" -f -a "concurrency" -d 'Change a pool\'s max_concurrency'
complete -c masst -n "__fish_masst_using_subcommand help; and not __fish_seen_subcommand_from diagnose snapshot status verify watch report lab config analytics concurrency routing batch producer queue alarms quota audit dlq journal undo runbook iam-policy mcp completions help" -f -a "routing" -d 'Route simple queries to Haiku'
complete -c masst -n "__fish_masst_using_subcommand help; and not __fish_seen_subcommand_from diagnose snapshot status verify watch report lab config analytics concurrency routing batch producer queue alarms quota audit dlq journal undo runbook iam-policy mcp completions help" -f -a "batch" -d 'Batch processing: pause, resume, concurrency, schedule, model, scale'
complete -c masst -n "__fish_masst_using_subcommand help; and not __fish_seen_subcommand_from diagnose snapshot status verify watch report lab config analytics concurrency routing batch producer queue alarms quota audit dlq journal undo runbook iam-policy mcp completions help" -f -a "producer" -d 'The batch producer (catalog-enrichment): pause, resume'
complete -c masst -n "__fish_masst_using_subcommand help; and not __fish_seen_subcommand_from diagnose snapshot status verify watch report lab config analytics concurrency routing batch producer queue alarms quota audit dlq journal undo runbook iam-policy mcp completions help" -f -a "queue" -d 'The primary batch queue'
complete -c masst -n "__fish_masst_using_subcommand help; and not __fish_seen_subcommand_from diagnose snapshot status verify watch report lab config analytics concurrency routing batch producer queue alarms quota audit dlq journal undo runbook iam-policy mcp completions help" -f -a "alarms" -d 'CloudWatch alarms for the seed\'s detection signals'
complete -c masst -n "__fish_masst_using_subcommand help; and not __fish_seen_subcommand_from diagnose snapshot status verify watch report lab config analytics concurrency routing batch producer queue alarms quota audit dlq journal undo runbook iam-policy mcp completions help" -f -a "quota" -d 'The account quota in the configuration document'
complete -c masst -n "__fish_masst_using_subcommand help; and not __fish_seen_subcommand_from diagnose snapshot status verify watch report lab config analytics concurrency routing batch producer queue alarms quota audit dlq journal undo runbook iam-policy mcp completions help" -f -a "audit" -d 'Check the deployment against the seed\'s Prevention controls (contract §8); for CI as SARIF or JUnit too'
complete -c masst -n "__fish_masst_using_subcommand help; and not __fish_seen_subcommand_from diagnose snapshot status verify watch report lab config analytics concurrency routing batch producer queue alarms quota audit dlq journal undo runbook iam-policy mcp completions help" -f -a "dlq" -d 'The dead-letter queue: inspect it, redrive it losslessly'
complete -c masst -n "__fish_masst_using_subcommand help; and not __fish_seen_subcommand_from diagnose snapshot status verify watch report lab config analytics concurrency routing batch producer queue alarms quota audit dlq journal undo runbook iam-policy mcp completions help" -f -a "journal" -d 'List the changes masst made'
complete -c masst -n "__fish_masst_using_subcommand help; and not __fish_seen_subcommand_from diagnose snapshot status verify watch report lab config analytics concurrency routing batch producer queue alarms quota audit dlq journal undo runbook iam-policy mcp completions help" -f -a "undo" -d 'Reverse a change (the latest by default), through the same preview and confirmation'
complete -c masst -n "__fish_masst_using_subcommand help; and not __fish_seen_subcommand_from diagnose snapshot status verify watch report lab config analytics concurrency routing batch producer queue alarms quota audit dlq journal undo runbook iam-policy mcp completions help" -f -a "runbook" -d 'List, show or validate runbooks'
complete -c masst -n "__fish_masst_using_subcommand help; and not __fish_seen_subcommand_from diagnose snapshot status verify watch report lab config analytics concurrency routing batch producer queue alarms quota audit dlq journal undo runbook iam-policy mcp completions help" -f -a "iam-policy" -d 'Print the least-privilege IAM policy (JSON) for what masst calls: the read-only one for diagnosis, or the one that also allows its actions'
complete -c masst -n "__fish_masst_using_subcommand help; and not __fish_seen_subcommand_from diagnose snapshot status verify watch report lab config analytics concurrency routing batch producer queue alarms quota audit dlq journal undo runbook iam-policy mcp completions help" -f -a "mcp" -d 'Serve masst\'s reads to an AI assistant over MCP on stdio; it changes nothing'
complete -c masst -n "__fish_masst_using_subcommand help; and not __fish_seen_subcommand_from diagnose snapshot status verify watch report lab config analytics concurrency routing batch producer queue alarms quota audit dlq journal undo runbook iam-policy mcp completions help" -f -a "completions" -d 'Print shell completions (also committed under completions/)'
complete -c masst -n "__fish_masst_using_subcommand help; and not __fish_seen_subcommand_from diagnose snapshot status verify watch report lab config analytics concurrency routing batch producer queue alarms quota audit dlq journal undo runbook iam-policy mcp completions help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c masst -n "__fish_masst_using_subcommand help; and __fish_seen_subcommand_from snapshot" -f -a "capture" -d 'Collect the evidence the runbooks need and write it as a snapshot (stdout by default)'
complete -c masst -n "__fish_masst_using_subcommand help; and __fish_seen_subcommand_from snapshot" -f -a "upgrade" -d 'Rewrite a snapshot file (format 1 or 2) as the compact format 2, in place'
complete -c masst -n "__fish_masst_using_subcommand help; and __fish_seen_subcommand_from lab" -f -a "up" -d 'Create the scenario\'s queues, messages, AppConfig document, ECS services and an hour of metric history. Refuses any endpoint that is not on this machine'
complete -c masst -n "__fish_masst_using_subcommand help; and __fish_seen_subcommand_from lab" -f -a "down" -d 'Remove what `lab up` created (metric history stays: CloudWatch cannot delete it)'
complete -c masst -n "__fish_masst_using_subcommand help; and __fish_seen_subcommand_from lab" -f -a "drill" -d 'Run a practice incident: build the scenario, then step it minute by minute against what you change (with masst or anything else), and score how it went'
complete -c masst -n "__fish_masst_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "show" -d 'Print every setting with its value and origin'
complete -c masst -n "__fish_masst_using_subcommand help; and __fish_seen_subcommand_from analytics" -f -a "pause" -d 'Pause (journaled; `masst undo` reverses it)'
complete -c masst -n "__fish_masst_using_subcommand help; and __fish_seen_subcommand_from analytics" -f -a "resume" -d 'Resume'
complete -c masst -n "__fish_masst_using_subcommand help; and __fish_seen_subcommand_from concurrency" -f -a "set" -d 'Set a pool\'s max_concurrency for a model; refused if the model\'s pools would exceed its quota'
complete -c masst -n "__fish_masst_using_subcommand help; and __fish_seen_subcommand_from routing" -f -a "haiku" -d 'Route simple queries (FAQ, store hours) to Haiku, or stop'
complete -c masst -n "__fish_masst_using_subcommand help; and __fish_seen_subcommand_from batch" -f -a "pause" -d 'Pause batch processing'
complete -c masst -n "__fish_masst_using_subcommand help; and __fish_seen_subcommand_from batch" -f -a "resume" -d 'Resume batch processing'
complete -c masst -n "__fish_masst_using_subcommand help; and __fish_seen_subcommand_from batch" -f -a "concurrency" -d 'Give batch a dedicated pool of N slots of its model (no longer shared with real-time)'
complete -c masst -n "__fish_masst_using_subcommand help; and __fish_seen_subcommand_from batch" -f -a "schedule" -d 'The time-of-day batch concurrency table (JST)'
complete -c masst -n "__fish_masst_using_subcommand help; and __fish_seen_subcommand_from batch" -f -a "model" -d 'Switch the batch model (its dedicated pool follows)'
complete -c masst -n "__fish_masst_using_subcommand help; and __fish_seen_subcommand_from batch" -f -a "scale" -d 'Set the batch-worker ECS desired count'
complete -c masst -n "__fish_masst_using_subcommand help; and __fish_seen_subcommand_from producer" -f -a "pause" -d 'Stop the batch producer (ECS desired count 0); the count is saved in the journal'
complete -c masst -n "__fish_masst_using_subcommand help; and __fish_seen_subcommand_from producer" -f -a "resume" -d 'Restore the count saved by the last `producer pause` (or --count N)'
complete -c masst -n "__fish_masst_using_subcommand help; and __fish_seen_subcommand_from queue" -f -a "fix" -d 'Set VisibilityTimeout and maxReceiveCount on the primary queue, keeping its DLQ'
complete -c masst -n "__fish_masst_using_subcommand help; and __fish_seen_subcommand_from alarms" -f -a "install" -d 'Create (or bring back in line) the seed\'s alarms: ThrottleRate, DegradationRate, circuit OPEN per model, batch QueueDepth and QueueAge, DLQ depth'
complete -c masst -n "__fish_masst_using_subcommand help; and __fish_seen_subcommand_from quota" -f -a "sync" -d 'Copy each model\'s applied Service Quotas value (quota codes in `[quotas]` of masst.toml) into `account_quota` (journaled; `masst undo` reverses it)'
complete -c masst -n "__fish_masst_using_subcommand help; and __fish_seen_subcommand_from dlq" -f -a "inspect" -d 'Show what the DLQ holds without consuming it: error types, retryable or not, formats, ages, receive counts; `--show N` prints example bodies'
complete -c masst -n "__fish_masst_using_subcommand help; and __fish_seen_subcommand_from dlq" -f -a "redrive" -d 'Move DLQ messages back to their source queue: job body with _retry_count reset, message attributes kept (but error_type), each DLQ copy deleted only after SQS confirmed the send'
complete -c masst -n "__fish_masst_using_subcommand help; and __fish_seen_subcommand_from runbook" -f -a "list" -d 'List the loaded runbooks'
complete -c masst -n "__fish_masst_using_subcommand help; and __fish_seen_subcommand_from runbook" -f -a "show" -d 'Show a runbook\'s tree, or print it as a Mermaid flowchart'
complete -c masst -n "__fish_masst_using_subcommand help; and __fish_seen_subcommand_from runbook" -f -a "validate" -d 'Check a runbook file or a folder of them; exit 2 with the fix on the first error'
