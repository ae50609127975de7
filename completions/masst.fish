# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_masst_global_optspecs
    string join \n output= q/quiet v/verbose config= runbooks= profile= region= endpoint-url= h/help V/version
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

complete -c masst -n "__fish_masst_needs_command" -l output -d 'Output format: human text, or one JSON document on stdout' -r -f -a "human\t''
json\t''"
complete -c masst -n "__fish_masst_needs_command" -l config -d 'Configuration file (default: ./masst.toml, then $XDG_CONFIG_HOME/masst/masst.toml)' -r -F
complete -c masst -n "__fish_masst_needs_command" -l runbooks -d 'Load runbooks from this folder (or file) instead of the embedded ones' -r -F
complete -c masst -n "__fish_masst_needs_command" -l profile -d 'AWS profile (default: AWS_PROFILE, then [aws] profile in masst.toml)' -r
complete -c masst -n "__fish_masst_needs_command" -l region -d 'AWS region (default: AWS_REGION, then the profile, then [aws] region)' -r
complete -c masst -n "__fish_masst_needs_command" -l endpoint-url -d 'Send every AWS call to this endpoint (default: AWS_ENDPOINT_URL, then [aws] endpoint_url)' -r
complete -c masst -n "__fish_masst_needs_command" -s q -l quiet -d 'Print only results and errors'
complete -c masst -n "__fish_masst_needs_command" -s v -l verbose -d 'Log more (-v: each AWS call with its duration; -vv: debug)'
complete -c masst -n "__fish_masst_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c masst -n "__fish_masst_needs_command" -s V -l version -d 'Print version'
complete -c masst -n "__fish_masst_needs_command" -f -a "diagnose" -d 'Walk runbooks against evidence and report root causes'
complete -c masst -n "__fish_masst_needs_command" -f -a "snapshot" -d 'Capture evidence to a snapshot file, to replay with `diagnose --from`'
complete -c masst -n "__fish_masst_needs_command" -f -a "status" -d 'One screen of every runbook\'s trigger: current values, thresholds, state'
complete -c masst -n "__fish_masst_needs_command" -f -a "lab" -d 'Write a scenario\'s world into a local AWS emulator (for tests, demos, drills)'
complete -c masst -n "__fish_masst_needs_command" -f -a "config" -d 'Show the effective configuration and where each value came from'
complete -c masst -n "__fish_masst_needs_command" -f -a "runbook" -d 'List, show or validate runbooks'
complete -c masst -n "__fish_masst_needs_command" -f -a "completions" -d 'Print shell completions (also committed under completions/)'
complete -c masst -n "__fish_masst_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c masst -n "__fish_masst_using_subcommand diagnose" -l scenario -d 'Use an embedded scenario instead of live AWS (no account needed)' -r -f -a "healthy\t''
flash-sale\t''
batch-backlog\t''
conservative-limits\t''
priority-inversion\t''
dlq-retryable\t''"
complete -c masst -n "__fish_masst_using_subcommand diagnose" -l from -d 'Use a snapshot file written by `masst snapshot capture`' -r -F
complete -c masst -n "__fish_masst_using_subcommand diagnose" -l answer -d 'Answer a runbook question up front: NODE=yes|no (or RUNBOOK.NODE=yes|no). Repeatable' -r
complete -c masst -n "__fish_masst_using_subcommand diagnose" -l fail-on -d 'Exit 1 when a finding is at least this severe' -r -f -a "info\t''
warning\t''
critical\t''"
complete -c masst -n "__fish_masst_using_subcommand diagnose" -l window -d 'How much metric history to read live, e.g. `60m`, `2h`' -r
complete -c masst -n "__fish_masst_using_subcommand diagnose" -l output -d 'Output format: human text, or one JSON document on stdout' -r -f -a "human\t''
json\t''"
complete -c masst -n "__fish_masst_using_subcommand diagnose" -l config -d 'Configuration file (default: ./masst.toml, then $XDG_CONFIG_HOME/masst/masst.toml)' -r -F
complete -c masst -n "__fish_masst_using_subcommand diagnose" -l runbooks -d 'Load runbooks from this folder (or file) instead of the embedded ones' -r -F
complete -c masst -n "__fish_masst_using_subcommand diagnose" -l profile -d 'AWS profile (default: AWS_PROFILE, then [aws] profile in masst.toml)' -r
complete -c masst -n "__fish_masst_using_subcommand diagnose" -l region -d 'AWS region (default: AWS_REGION, then the profile, then [aws] region)' -r
complete -c masst -n "__fish_masst_using_subcommand diagnose" -l endpoint-url -d 'Send every AWS call to this endpoint (default: AWS_ENDPOINT_URL, then [aws] endpoint_url)' -r
complete -c masst -n "__fish_masst_using_subcommand diagnose" -s q -l quiet -d 'Print only results and errors'
complete -c masst -n "__fish_masst_using_subcommand diagnose" -s v -l verbose -d 'Log more (-v: each AWS call with its duration; -vv: debug)'
complete -c masst -n "__fish_masst_using_subcommand diagnose" -s h -l help -d 'Print help'
complete -c masst -n "__fish_masst_using_subcommand snapshot; and not __fish_seen_subcommand_from capture help" -l output -d 'Output format: human text, or one JSON document on stdout' -r -f -a "human\t''
json\t''"
complete -c masst -n "__fish_masst_using_subcommand snapshot; and not __fish_seen_subcommand_from capture help" -l config -d 'Configuration file (default: ./masst.toml, then $XDG_CONFIG_HOME/masst/masst.toml)' -r -F
complete -c masst -n "__fish_masst_using_subcommand snapshot; and not __fish_seen_subcommand_from capture help" -l runbooks -d 'Load runbooks from this folder (or file) instead of the embedded ones' -r -F
complete -c masst -n "__fish_masst_using_subcommand snapshot; and not __fish_seen_subcommand_from capture help" -l profile -d 'AWS profile (default: AWS_PROFILE, then [aws] profile in masst.toml)' -r
complete -c masst -n "__fish_masst_using_subcommand snapshot; and not __fish_seen_subcommand_from capture help" -l region -d 'AWS region (default: AWS_REGION, then the profile, then [aws] region)' -r
complete -c masst -n "__fish_masst_using_subcommand snapshot; and not __fish_seen_subcommand_from capture help" -l endpoint-url -d 'Send every AWS call to this endpoint (default: AWS_ENDPOINT_URL, then [aws] endpoint_url)' -r
complete -c masst -n "__fish_masst_using_subcommand snapshot; and not __fish_seen_subcommand_from capture help" -s q -l quiet -d 'Print only results and errors'
complete -c masst -n "__fish_masst_using_subcommand snapshot; and not __fish_seen_subcommand_from capture help" -s v -l verbose -d 'Log more (-v: each AWS call with its duration; -vv: debug)'
complete -c masst -n "__fish_masst_using_subcommand snapshot; and not __fish_seen_subcommand_from capture help" -s h -l help -d 'Print help'
complete -c masst -n "__fish_masst_using_subcommand snapshot; and not __fish_seen_subcommand_from capture help" -f -a "capture" -d 'Collect the evidence the runbooks need and write it as a snapshot (stdout by default)'
complete -c masst -n "__fish_masst_using_subcommand snapshot; and not __fish_seen_subcommand_from capture help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c masst -n "__fish_masst_using_subcommand snapshot; and __fish_seen_subcommand_from capture" -s o -l out -d 'Write to FILE instead of stdout' -r -F
complete -c masst -n "__fish_masst_using_subcommand snapshot; and __fish_seen_subcommand_from capture" -l window -d 'How much metric history to read, e.g. `60m`, `2h` (one datapoint a minute)' -r
complete -c masst -n "__fish_masst_using_subcommand snapshot; and __fish_seen_subcommand_from capture" -l scenario -d 'Capture an embedded scenario\'s evidence instead of live AWS' -r -f -a "healthy\t''
flash-sale\t''
batch-backlog\t''
conservative-limits\t''
priority-inversion\t''
dlq-retryable\t''"
complete -c masst -n "__fish_masst_using_subcommand snapshot; and __fish_seen_subcommand_from capture" -l output -d 'Output format: human text, or one JSON document on stdout' -r -f -a "human\t''
json\t''"
complete -c masst -n "__fish_masst_using_subcommand snapshot; and __fish_seen_subcommand_from capture" -l config -d 'Configuration file (default: ./masst.toml, then $XDG_CONFIG_HOME/masst/masst.toml)' -r -F
complete -c masst -n "__fish_masst_using_subcommand snapshot; and __fish_seen_subcommand_from capture" -l runbooks -d 'Load runbooks from this folder (or file) instead of the embedded ones' -r -F
complete -c masst -n "__fish_masst_using_subcommand snapshot; and __fish_seen_subcommand_from capture" -l profile -d 'AWS profile (default: AWS_PROFILE, then [aws] profile in masst.toml)' -r
complete -c masst -n "__fish_masst_using_subcommand snapshot; and __fish_seen_subcommand_from capture" -l region -d 'AWS region (default: AWS_REGION, then the profile, then [aws] region)' -r
complete -c masst -n "__fish_masst_using_subcommand snapshot; and __fish_seen_subcommand_from capture" -l endpoint-url -d 'Send every AWS call to this endpoint (default: AWS_ENDPOINT_URL, then [aws] endpoint_url)' -r
complete -c masst -n "__fish_masst_using_subcommand snapshot; and __fish_seen_subcommand_from capture" -s q -l quiet -d 'Print only results and errors'
complete -c masst -n "__fish_masst_using_subcommand snapshot; and __fish_seen_subcommand_from capture" -s v -l verbose -d 'Log more (-v: each AWS call with its duration; -vv: debug)'
complete -c masst -n "__fish_masst_using_subcommand snapshot; and __fish_seen_subcommand_from capture" -s h -l help -d 'Print help'
complete -c masst -n "__fish_masst_using_subcommand snapshot; and __fish_seen_subcommand_from help" -f -a "capture" -d 'Collect the evidence the runbooks need and write it as a snapshot (stdout by default)'
complete -c masst -n "__fish_masst_using_subcommand snapshot; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c masst -n "__fish_masst_using_subcommand status" -l scenario -d 'Use an embedded scenario instead of live AWS' -r -f -a "healthy\t''
flash-sale\t''
batch-backlog\t''
conservative-limits\t''
priority-inversion\t''
dlq-retryable\t''"
complete -c masst -n "__fish_masst_using_subcommand status" -l from -d 'Use a snapshot file' -r -F
complete -c masst -n "__fish_masst_using_subcommand status" -l window -d 'How much metric history to read live' -r
complete -c masst -n "__fish_masst_using_subcommand status" -l output -d 'Output format: human text, or one JSON document on stdout' -r -f -a "human\t''
json\t''"
complete -c masst -n "__fish_masst_using_subcommand status" -l config -d 'Configuration file (default: ./masst.toml, then $XDG_CONFIG_HOME/masst/masst.toml)' -r -F
complete -c masst -n "__fish_masst_using_subcommand status" -l runbooks -d 'Load runbooks from this folder (or file) instead of the embedded ones' -r -F
complete -c masst -n "__fish_masst_using_subcommand status" -l profile -d 'AWS profile (default: AWS_PROFILE, then [aws] profile in masst.toml)' -r
complete -c masst -n "__fish_masst_using_subcommand status" -l region -d 'AWS region (default: AWS_REGION, then the profile, then [aws] region)' -r
complete -c masst -n "__fish_masst_using_subcommand status" -l endpoint-url -d 'Send every AWS call to this endpoint (default: AWS_ENDPOINT_URL, then [aws] endpoint_url)' -r
complete -c masst -n "__fish_masst_using_subcommand status" -s q -l quiet -d 'Print only results and errors'
complete -c masst -n "__fish_masst_using_subcommand status" -s v -l verbose -d 'Log more (-v: each AWS call with its duration; -vv: debug)'
complete -c masst -n "__fish_masst_using_subcommand status" -s h -l help -d 'Print help'
complete -c masst -n "__fish_masst_using_subcommand lab; and not __fish_seen_subcommand_from up down help" -l output -d 'Output format: human text, or one JSON document on stdout' -r -f -a "human\t''
json\t''"
complete -c masst -n "__fish_masst_using_subcommand lab; and not __fish_seen_subcommand_from up down help" -l config -d 'Configuration file (default: ./masst.toml, then $XDG_CONFIG_HOME/masst/masst.toml)' -r -F
complete -c masst -n "__fish_masst_using_subcommand lab; and not __fish_seen_subcommand_from up down help" -l runbooks -d 'Load runbooks from this folder (or file) instead of the embedded ones' -r -F
complete -c masst -n "__fish_masst_using_subcommand lab; and not __fish_seen_subcommand_from up down help" -l profile -d 'AWS profile (default: AWS_PROFILE, then [aws] profile in masst.toml)' -r
complete -c masst -n "__fish_masst_using_subcommand lab; and not __fish_seen_subcommand_from up down help" -l region -d 'AWS region (default: AWS_REGION, then the profile, then [aws] region)' -r
complete -c masst -n "__fish_masst_using_subcommand lab; and not __fish_seen_subcommand_from up down help" -l endpoint-url -d 'Send every AWS call to this endpoint (default: AWS_ENDPOINT_URL, then [aws] endpoint_url)' -r
complete -c masst -n "__fish_masst_using_subcommand lab; and not __fish_seen_subcommand_from up down help" -s q -l quiet -d 'Print only results and errors'
complete -c masst -n "__fish_masst_using_subcommand lab; and not __fish_seen_subcommand_from up down help" -s v -l verbose -d 'Log more (-v: each AWS call with its duration; -vv: debug)'
complete -c masst -n "__fish_masst_using_subcommand lab; and not __fish_seen_subcommand_from up down help" -s h -l help -d 'Print help'
complete -c masst -n "__fish_masst_using_subcommand lab; and not __fish_seen_subcommand_from up down help" -f -a "up" -d 'Create the scenario\'s queues, messages, AppConfig document, ECS services and an hour of metric history. Refuses any endpoint that is not on this machine'
complete -c masst -n "__fish_masst_using_subcommand lab; and not __fish_seen_subcommand_from up down help" -f -a "down" -d 'Remove what `lab up` created (metric history stays: CloudWatch cannot delete it)'
complete -c masst -n "__fish_masst_using_subcommand lab; and not __fish_seen_subcommand_from up down help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c masst -n "__fish_masst_using_subcommand lab; and __fish_seen_subcommand_from up" -l scenario -d 'The scenario to build' -r -f -a "healthy\t''
flash-sale\t''
batch-backlog\t''
conservative-limits\t''
priority-inversion\t''
dlq-retryable\t''"
complete -c masst -n "__fish_masst_using_subcommand lab; and __fish_seen_subcommand_from up" -l output -d 'Output format: human text, or one JSON document on stdout' -r -f -a "human\t''
json\t''"
complete -c masst -n "__fish_masst_using_subcommand lab; and __fish_seen_subcommand_from up" -l config -d 'Configuration file (default: ./masst.toml, then $XDG_CONFIG_HOME/masst/masst.toml)' -r -F
complete -c masst -n "__fish_masst_using_subcommand lab; and __fish_seen_subcommand_from up" -l runbooks -d 'Load runbooks from this folder (or file) instead of the embedded ones' -r -F
complete -c masst -n "__fish_masst_using_subcommand lab; and __fish_seen_subcommand_from up" -l profile -d 'AWS profile (default: AWS_PROFILE, then [aws] profile in masst.toml)' -r
complete -c masst -n "__fish_masst_using_subcommand lab; and __fish_seen_subcommand_from up" -l region -d 'AWS region (default: AWS_REGION, then the profile, then [aws] region)' -r
complete -c masst -n "__fish_masst_using_subcommand lab; and __fish_seen_subcommand_from up" -l endpoint-url -d 'Send every AWS call to this endpoint (default: AWS_ENDPOINT_URL, then [aws] endpoint_url)' -r
complete -c masst -n "__fish_masst_using_subcommand lab; and __fish_seen_subcommand_from up" -s q -l quiet -d 'Print only results and errors'
complete -c masst -n "__fish_masst_using_subcommand lab; and __fish_seen_subcommand_from up" -s v -l verbose -d 'Log more (-v: each AWS call with its duration; -vv: debug)'
complete -c masst -n "__fish_masst_using_subcommand lab; and __fish_seen_subcommand_from up" -s h -l help -d 'Print help'
complete -c masst -n "__fish_masst_using_subcommand lab; and __fish_seen_subcommand_from down" -l output -d 'Output format: human text, or one JSON document on stdout' -r -f -a "human\t''
json\t''"
complete -c masst -n "__fish_masst_using_subcommand lab; and __fish_seen_subcommand_from down" -l config -d 'Configuration file (default: ./masst.toml, then $XDG_CONFIG_HOME/masst/masst.toml)' -r -F
complete -c masst -n "__fish_masst_using_subcommand lab; and __fish_seen_subcommand_from down" -l runbooks -d 'Load runbooks from this folder (or file) instead of the embedded ones' -r -F
complete -c masst -n "__fish_masst_using_subcommand lab; and __fish_seen_subcommand_from down" -l profile -d 'AWS profile (default: AWS_PROFILE, then [aws] profile in masst.toml)' -r
complete -c masst -n "__fish_masst_using_subcommand lab; and __fish_seen_subcommand_from down" -l region -d 'AWS region (default: AWS_REGION, then the profile, then [aws] region)' -r
complete -c masst -n "__fish_masst_using_subcommand lab; and __fish_seen_subcommand_from down" -l endpoint-url -d 'Send every AWS call to this endpoint (default: AWS_ENDPOINT_URL, then [aws] endpoint_url)' -r
complete -c masst -n "__fish_masst_using_subcommand lab; and __fish_seen_subcommand_from down" -s q -l quiet -d 'Print only results and errors'
complete -c masst -n "__fish_masst_using_subcommand lab; and __fish_seen_subcommand_from down" -s v -l verbose -d 'Log more (-v: each AWS call with its duration; -vv: debug)'
complete -c masst -n "__fish_masst_using_subcommand lab; and __fish_seen_subcommand_from down" -s h -l help -d 'Print help'
complete -c masst -n "__fish_masst_using_subcommand lab; and __fish_seen_subcommand_from help" -f -a "up" -d 'Create the scenario\'s queues, messages, AppConfig document, ECS services and an hour of metric history. Refuses any endpoint that is not on this machine'
complete -c masst -n "__fish_masst_using_subcommand lab; and __fish_seen_subcommand_from help" -f -a "down" -d 'Remove what `lab up` created (metric history stays: CloudWatch cannot delete it)'
complete -c masst -n "__fish_masst_using_subcommand lab; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c masst -n "__fish_masst_using_subcommand config; and not __fish_seen_subcommand_from show help" -l output -d 'Output format: human text, or one JSON document on stdout' -r -f -a "human\t''
json\t''"
complete -c masst -n "__fish_masst_using_subcommand config; and not __fish_seen_subcommand_from show help" -l config -d 'Configuration file (default: ./masst.toml, then $XDG_CONFIG_HOME/masst/masst.toml)' -r -F
complete -c masst -n "__fish_masst_using_subcommand config; and not __fish_seen_subcommand_from show help" -l runbooks -d 'Load runbooks from this folder (or file) instead of the embedded ones' -r -F
complete -c masst -n "__fish_masst_using_subcommand config; and not __fish_seen_subcommand_from show help" -l profile -d 'AWS profile (default: AWS_PROFILE, then [aws] profile in masst.toml)' -r
complete -c masst -n "__fish_masst_using_subcommand config; and not __fish_seen_subcommand_from show help" -l region -d 'AWS region (default: AWS_REGION, then the profile, then [aws] region)' -r
complete -c masst -n "__fish_masst_using_subcommand config; and not __fish_seen_subcommand_from show help" -l endpoint-url -d 'Send every AWS call to this endpoint (default: AWS_ENDPOINT_URL, then [aws] endpoint_url)' -r
complete -c masst -n "__fish_masst_using_subcommand config; and not __fish_seen_subcommand_from show help" -s q -l quiet -d 'Print only results and errors'
complete -c masst -n "__fish_masst_using_subcommand config; and not __fish_seen_subcommand_from show help" -s v -l verbose -d 'Log more (-v: each AWS call with its duration; -vv: debug)'
complete -c masst -n "__fish_masst_using_subcommand config; and not __fish_seen_subcommand_from show help" -s h -l help -d 'Print help'
complete -c masst -n "__fish_masst_using_subcommand config; and not __fish_seen_subcommand_from show help" -f -a "show" -d 'Print every setting with its value and origin'
complete -c masst -n "__fish_masst_using_subcommand config; and not __fish_seen_subcommand_from show help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c masst -n "__fish_masst_using_subcommand config; and __fish_seen_subcommand_from show" -l output -d 'Output format: human text, or one JSON document on stdout' -r -f -a "human\t''
json\t''"
complete -c masst -n "__fish_masst_using_subcommand config; and __fish_seen_subcommand_from show" -l config -d 'Configuration file (default: ./masst.toml, then $XDG_CONFIG_HOME/masst/masst.toml)' -r -F
complete -c masst -n "__fish_masst_using_subcommand config; and __fish_seen_subcommand_from show" -l runbooks -d 'Load runbooks from this folder (or file) instead of the embedded ones' -r -F
complete -c masst -n "__fish_masst_using_subcommand config; and __fish_seen_subcommand_from show" -l profile -d 'AWS profile (default: AWS_PROFILE, then [aws] profile in masst.toml)' -r
complete -c masst -n "__fish_masst_using_subcommand config; and __fish_seen_subcommand_from show" -l region -d 'AWS region (default: AWS_REGION, then the profile, then [aws] region)' -r
complete -c masst -n "__fish_masst_using_subcommand config; and __fish_seen_subcommand_from show" -l endpoint-url -d 'Send every AWS call to this endpoint (default: AWS_ENDPOINT_URL, then [aws] endpoint_url)' -r
complete -c masst -n "__fish_masst_using_subcommand config; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print only results and errors'
complete -c masst -n "__fish_masst_using_subcommand config; and __fish_seen_subcommand_from show" -s v -l verbose -d 'Log more (-v: each AWS call with its duration; -vv: debug)'
complete -c masst -n "__fish_masst_using_subcommand config; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help'
complete -c masst -n "__fish_masst_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "show" -d 'Print every setting with its value and origin'
complete -c masst -n "__fish_masst_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c masst -n "__fish_masst_using_subcommand runbook; and not __fish_seen_subcommand_from list show validate help" -l output -d 'Output format: human text, or one JSON document on stdout' -r -f -a "human\t''
json\t''"
complete -c masst -n "__fish_masst_using_subcommand runbook; and not __fish_seen_subcommand_from list show validate help" -l config -d 'Configuration file (default: ./masst.toml, then $XDG_CONFIG_HOME/masst/masst.toml)' -r -F
complete -c masst -n "__fish_masst_using_subcommand runbook; and not __fish_seen_subcommand_from list show validate help" -l runbooks -d 'Load runbooks from this folder (or file) instead of the embedded ones' -r -F
complete -c masst -n "__fish_masst_using_subcommand runbook; and not __fish_seen_subcommand_from list show validate help" -l profile -d 'AWS profile (default: AWS_PROFILE, then [aws] profile in masst.toml)' -r
complete -c masst -n "__fish_masst_using_subcommand runbook; and not __fish_seen_subcommand_from list show validate help" -l region -d 'AWS region (default: AWS_REGION, then the profile, then [aws] region)' -r
complete -c masst -n "__fish_masst_using_subcommand runbook; and not __fish_seen_subcommand_from list show validate help" -l endpoint-url -d 'Send every AWS call to this endpoint (default: AWS_ENDPOINT_URL, then [aws] endpoint_url)' -r
complete -c masst -n "__fish_masst_using_subcommand runbook; and not __fish_seen_subcommand_from list show validate help" -s q -l quiet -d 'Print only results and errors'
complete -c masst -n "__fish_masst_using_subcommand runbook; and not __fish_seen_subcommand_from list show validate help" -s v -l verbose -d 'Log more (-v: each AWS call with its duration; -vv: debug)'
complete -c masst -n "__fish_masst_using_subcommand runbook; and not __fish_seen_subcommand_from list show validate help" -s h -l help -d 'Print help'
complete -c masst -n "__fish_masst_using_subcommand runbook; and not __fish_seen_subcommand_from list show validate help" -f -a "list" -d 'List the loaded runbooks'
complete -c masst -n "__fish_masst_using_subcommand runbook; and not __fish_seen_subcommand_from list show validate help" -f -a "show" -d 'Show a runbook\'s tree, or print it as a Mermaid flowchart'
complete -c masst -n "__fish_masst_using_subcommand runbook; and not __fish_seen_subcommand_from list show validate help" -f -a "validate" -d 'Check a runbook file or a folder of them; exit 2 with the fix on the first error'
complete -c masst -n "__fish_masst_using_subcommand runbook; and not __fish_seen_subcommand_from list show validate help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c masst -n "__fish_masst_using_subcommand runbook; and __fish_seen_subcommand_from list" -l output -d 'Output format: human text, or one JSON document on stdout' -r -f -a "human\t''
json\t''"
complete -c masst -n "__fish_masst_using_subcommand runbook; and __fish_seen_subcommand_from list" -l config -d 'Configuration file (default: ./masst.toml, then $XDG_CONFIG_HOME/masst/masst.toml)' -r -F
complete -c masst -n "__fish_masst_using_subcommand runbook; and __fish_seen_subcommand_from list" -l runbooks -d 'Load runbooks from this folder (or file) instead of the embedded ones' -r -F
complete -c masst -n "__fish_masst_using_subcommand runbook; and __fish_seen_subcommand_from list" -l profile -d 'AWS profile (default: AWS_PROFILE, then [aws] profile in masst.toml)' -r
complete -c masst -n "__fish_masst_using_subcommand runbook; and __fish_seen_subcommand_from list" -l region -d 'AWS region (default: AWS_REGION, then the profile, then [aws] region)' -r
complete -c masst -n "__fish_masst_using_subcommand runbook; and __fish_seen_subcommand_from list" -l endpoint-url -d 'Send every AWS call to this endpoint (default: AWS_ENDPOINT_URL, then [aws] endpoint_url)' -r
complete -c masst -n "__fish_masst_using_subcommand runbook; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only results and errors'
complete -c masst -n "__fish_masst_using_subcommand runbook; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Log more (-v: each AWS call with its duration; -vv: debug)'
complete -c masst -n "__fish_masst_using_subcommand runbook; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c masst -n "__fish_masst_using_subcommand runbook; and __fish_seen_subcommand_from show" -l output -d 'Output format: human text, or one JSON document on stdout' -r -f -a "human\t''
json\t''"
complete -c masst -n "__fish_masst_using_subcommand runbook; and __fish_seen_subcommand_from show" -l config -d 'Configuration file (default: ./masst.toml, then $XDG_CONFIG_HOME/masst/masst.toml)' -r -F
complete -c masst -n "__fish_masst_using_subcommand runbook; and __fish_seen_subcommand_from show" -l runbooks -d 'Load runbooks from this folder (or file) instead of the embedded ones' -r -F
complete -c masst -n "__fish_masst_using_subcommand runbook; and __fish_seen_subcommand_from show" -l profile -d 'AWS profile (default: AWS_PROFILE, then [aws] profile in masst.toml)' -r
complete -c masst -n "__fish_masst_using_subcommand runbook; and __fish_seen_subcommand_from show" -l region -d 'AWS region (default: AWS_REGION, then the profile, then [aws] region)' -r
complete -c masst -n "__fish_masst_using_subcommand runbook; and __fish_seen_subcommand_from show" -l endpoint-url -d 'Send every AWS call to this endpoint (default: AWS_ENDPOINT_URL, then [aws] endpoint_url)' -r
complete -c masst -n "__fish_masst_using_subcommand runbook; and __fish_seen_subcommand_from show" -l mermaid -d 'Print a Mermaid flowchart instead (like the seed\'s)'
complete -c masst -n "__fish_masst_using_subcommand runbook; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print only results and errors'
complete -c masst -n "__fish_masst_using_subcommand runbook; and __fish_seen_subcommand_from show" -s v -l verbose -d 'Log more (-v: each AWS call with its duration; -vv: debug)'
complete -c masst -n "__fish_masst_using_subcommand runbook; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help'
complete -c masst -n "__fish_masst_using_subcommand runbook; and __fish_seen_subcommand_from validate" -l output -d 'Output format: human text, or one JSON document on stdout' -r -f -a "human\t''
json\t''"
complete -c masst -n "__fish_masst_using_subcommand runbook; and __fish_seen_subcommand_from validate" -l config -d 'Configuration file (default: ./masst.toml, then $XDG_CONFIG_HOME/masst/masst.toml)' -r -F
complete -c masst -n "__fish_masst_using_subcommand runbook; and __fish_seen_subcommand_from validate" -l runbooks -d 'Load runbooks from this folder (or file) instead of the embedded ones' -r -F
complete -c masst -n "__fish_masst_using_subcommand runbook; and __fish_seen_subcommand_from validate" -l profile -d 'AWS profile (default: AWS_PROFILE, then [aws] profile in masst.toml)' -r
complete -c masst -n "__fish_masst_using_subcommand runbook; and __fish_seen_subcommand_from validate" -l region -d 'AWS region (default: AWS_REGION, then the profile, then [aws] region)' -r
complete -c masst -n "__fish_masst_using_subcommand runbook; and __fish_seen_subcommand_from validate" -l endpoint-url -d 'Send every AWS call to this endpoint (default: AWS_ENDPOINT_URL, then [aws] endpoint_url)' -r
complete -c masst -n "__fish_masst_using_subcommand runbook; and __fish_seen_subcommand_from validate" -s q -l quiet -d 'Print only results and errors'
complete -c masst -n "__fish_masst_using_subcommand runbook; and __fish_seen_subcommand_from validate" -s v -l verbose -d 'Log more (-v: each AWS call with its duration; -vv: debug)'
complete -c masst -n "__fish_masst_using_subcommand runbook; and __fish_seen_subcommand_from validate" -s h -l help -d 'Print help'
complete -c masst -n "__fish_masst_using_subcommand runbook; and __fish_seen_subcommand_from help" -f -a "list" -d 'List the loaded runbooks'
complete -c masst -n "__fish_masst_using_subcommand runbook; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show a runbook\'s tree, or print it as a Mermaid flowchart'
complete -c masst -n "__fish_masst_using_subcommand runbook; and __fish_seen_subcommand_from help" -f -a "validate" -d 'Check a runbook file or a folder of them; exit 2 with the fix on the first error'
complete -c masst -n "__fish_masst_using_subcommand runbook; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c masst -n "__fish_masst_using_subcommand completions" -l output -d 'Output format: human text, or one JSON document on stdout' -r -f -a "human\t''
json\t''"
complete -c masst -n "__fish_masst_using_subcommand completions" -l config -d 'Configuration file (default: ./masst.toml, then $XDG_CONFIG_HOME/masst/masst.toml)' -r -F
complete -c masst -n "__fish_masst_using_subcommand completions" -l runbooks -d 'Load runbooks from this folder (or file) instead of the embedded ones' -r -F
complete -c masst -n "__fish_masst_using_subcommand completions" -l profile -d 'AWS profile (default: AWS_PROFILE, then [aws] profile in masst.toml)' -r
complete -c masst -n "__fish_masst_using_subcommand completions" -l region -d 'AWS region (default: AWS_REGION, then the profile, then [aws] region)' -r
complete -c masst -n "__fish_masst_using_subcommand completions" -l endpoint-url -d 'Send every AWS call to this endpoint (default: AWS_ENDPOINT_URL, then [aws] endpoint_url)' -r
complete -c masst -n "__fish_masst_using_subcommand completions" -s q -l quiet -d 'Print only results and errors'
complete -c masst -n "__fish_masst_using_subcommand completions" -s v -l verbose -d 'Log more (-v: each AWS call with its duration; -vv: debug)'
complete -c masst -n "__fish_masst_using_subcommand completions" -s h -l help -d 'Print help'
complete -c masst -n "__fish_masst_using_subcommand help; and not __fish_seen_subcommand_from diagnose snapshot status lab config runbook completions help" -f -a "diagnose" -d 'Walk runbooks against evidence and report root causes'
complete -c masst -n "__fish_masst_using_subcommand help; and not __fish_seen_subcommand_from diagnose snapshot status lab config runbook completions help" -f -a "snapshot" -d 'Capture evidence to a snapshot file, to replay with `diagnose --from`'
complete -c masst -n "__fish_masst_using_subcommand help; and not __fish_seen_subcommand_from diagnose snapshot status lab config runbook completions help" -f -a "status" -d 'One screen of every runbook\'s trigger: current values, thresholds, state'
complete -c masst -n "__fish_masst_using_subcommand help; and not __fish_seen_subcommand_from diagnose snapshot status lab config runbook completions help" -f -a "lab" -d 'Write a scenario\'s world into a local AWS emulator (for tests, demos, drills)'
complete -c masst -n "__fish_masst_using_subcommand help; and not __fish_seen_subcommand_from diagnose snapshot status lab config runbook completions help" -f -a "config" -d 'Show the effective configuration and where each value came from'
complete -c masst -n "__fish_masst_using_subcommand help; and not __fish_seen_subcommand_from diagnose snapshot status lab config runbook completions help" -f -a "runbook" -d 'List, show or validate runbooks'
complete -c masst -n "__fish_masst_using_subcommand help; and not __fish_seen_subcommand_from diagnose snapshot status lab config runbook completions help" -f -a "completions" -d 'Print shell completions (also committed under completions/)'
complete -c masst -n "__fish_masst_using_subcommand help; and not __fish_seen_subcommand_from diagnose snapshot status lab config runbook completions help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c masst -n "__fish_masst_using_subcommand help; and __fish_seen_subcommand_from snapshot" -f -a "capture" -d 'Collect the evidence the runbooks need and write it as a snapshot (stdout by default)'
complete -c masst -n "__fish_masst_using_subcommand help; and __fish_seen_subcommand_from lab" -f -a "up" -d 'Create the scenario\'s queues, messages, AppConfig document, ECS services and an hour of metric history. Refuses any endpoint that is not on this machine'
complete -c masst -n "__fish_masst_using_subcommand help; and __fish_seen_subcommand_from lab" -f -a "down" -d 'Remove what `lab up` created (metric history stays: CloudWatch cannot delete it)'
complete -c masst -n "__fish_masst_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "show" -d 'Print every setting with its value and origin'
complete -c masst -n "__fish_masst_using_subcommand help; and __fish_seen_subcommand_from runbook" -f -a "list" -d 'List the loaded runbooks'
complete -c masst -n "__fish_masst_using_subcommand help; and __fish_seen_subcommand_from runbook" -f -a "show" -d 'Show a runbook\'s tree, or print it as a Mermaid flowchart'
complete -c masst -n "__fish_masst_using_subcommand help; and __fish_seen_subcommand_from runbook" -f -a "validate" -d 'Check a runbook file or a folder of them; exit 2 with the fix on the first error'
