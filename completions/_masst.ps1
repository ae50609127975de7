
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
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: human text, or one JSON document on stdout')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file (default: ./masst.toml, then $XDG_CONFIG_HOME/masst/masst.toml)')
            [CompletionResult]::new('--runbooks', '--runbooks', [CompletionResultType]::ParameterName, 'Load runbooks from this folder (or file) instead of the embedded ones')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log more (-v: each AWS call with its duration; -vv: debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log more (-v: each AWS call with its duration; -vv: debug)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('diagnose', 'diagnose', [CompletionResultType]::ParameterValue, 'Walk runbooks against evidence and report root causes')
            [CompletionResult]::new('snapshot', 'snapshot', [CompletionResultType]::ParameterValue, 'Capture evidence to a snapshot file, to replay with `diagnose --from`')
            [CompletionResult]::new('runbook', 'runbook', [CompletionResultType]::ParameterValue, 'List, show or validate runbooks')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print shell completions (also committed under completions/)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'masst;diagnose' {
            [CompletionResult]::new('--scenario', '--scenario', [CompletionResultType]::ParameterName, 'Use an embedded scenario instead of live AWS (no account needed)')
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'Use a snapshot file written by `masst snapshot capture`')
            [CompletionResult]::new('--answer', '--answer', [CompletionResultType]::ParameterName, 'Answer a runbook question up front: NODE=yes|no (or RUNBOOK.NODE=yes|no). Repeatable')
            [CompletionResult]::new('--fail-on', '--fail-on', [CompletionResultType]::ParameterName, 'Exit 1 when a finding is at least this severe')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: human text, or one JSON document on stdout')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file (default: ./masst.toml, then $XDG_CONFIG_HOME/masst/masst.toml)')
            [CompletionResult]::new('--runbooks', '--runbooks', [CompletionResultType]::ParameterName, 'Load runbooks from this folder (or file) instead of the embedded ones')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log more (-v: each AWS call with its duration; -vv: debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log more (-v: each AWS call with its duration; -vv: debug)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'masst;snapshot' {
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: human text, or one JSON document on stdout')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file (default: ./masst.toml, then $XDG_CONFIG_HOME/masst/masst.toml)')
            [CompletionResult]::new('--runbooks', '--runbooks', [CompletionResultType]::ParameterName, 'Load runbooks from this folder (or file) instead of the embedded ones')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log more (-v: each AWS call with its duration; -vv: debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log more (-v: each AWS call with its duration; -vv: debug)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('capture', 'capture', [CompletionResultType]::ParameterValue, 'Collect the evidence the runbooks need and write it as a snapshot (stdout by default)')
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
            [CompletionResult]::new('--runbooks', '--runbooks', [CompletionResultType]::ParameterName, 'Load runbooks from this folder (or file) instead of the embedded ones')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log more (-v: each AWS call with its duration; -vv: debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log more (-v: each AWS call with its duration; -vv: debug)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'masst;snapshot;help' {
            [CompletionResult]::new('capture', 'capture', [CompletionResultType]::ParameterValue, 'Collect the evidence the runbooks need and write it as a snapshot (stdout by default)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'masst;snapshot;help;capture' {
            break
        }
        'masst;snapshot;help;help' {
            break
        }
        'masst;runbook' {
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: human text, or one JSON document on stdout')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file (default: ./masst.toml, then $XDG_CONFIG_HOME/masst/masst.toml)')
            [CompletionResult]::new('--runbooks', '--runbooks', [CompletionResultType]::ParameterName, 'Load runbooks from this folder (or file) instead of the embedded ones')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log more (-v: each AWS call with its duration; -vv: debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log more (-v: each AWS call with its duration; -vv: debug)')
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
            [CompletionResult]::new('--runbooks', '--runbooks', [CompletionResultType]::ParameterName, 'Load runbooks from this folder (or file) instead of the embedded ones')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log more (-v: each AWS call with its duration; -vv: debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log more (-v: each AWS call with its duration; -vv: debug)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'masst;runbook;show' {
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: human text, or one JSON document on stdout')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file (default: ./masst.toml, then $XDG_CONFIG_HOME/masst/masst.toml)')
            [CompletionResult]::new('--runbooks', '--runbooks', [CompletionResultType]::ParameterName, 'Load runbooks from this folder (or file) instead of the embedded ones')
            [CompletionResult]::new('--mermaid', '--mermaid', [CompletionResultType]::ParameterName, 'Print a Mermaid flowchart instead (like the seed''s)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log more (-v: each AWS call with its duration; -vv: debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log more (-v: each AWS call with its duration; -vv: debug)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'masst;runbook;validate' {
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: human text, or one JSON document on stdout')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file (default: ./masst.toml, then $XDG_CONFIG_HOME/masst/masst.toml)')
            [CompletionResult]::new('--runbooks', '--runbooks', [CompletionResultType]::ParameterName, 'Load runbooks from this folder (or file) instead of the embedded ones')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log more (-v: each AWS call with its duration; -vv: debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log more (-v: each AWS call with its duration; -vv: debug)')
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
        'masst;completions' {
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: human text, or one JSON document on stdout')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file (default: ./masst.toml, then $XDG_CONFIG_HOME/masst/masst.toml)')
            [CompletionResult]::new('--runbooks', '--runbooks', [CompletionResultType]::ParameterName, 'Load runbooks from this folder (or file) instead of the embedded ones')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log more (-v: each AWS call with its duration; -vv: debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log more (-v: each AWS call with its duration; -vv: debug)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'masst;help' {
            [CompletionResult]::new('diagnose', 'diagnose', [CompletionResultType]::ParameterValue, 'Walk runbooks against evidence and report root causes')
            [CompletionResult]::new('snapshot', 'snapshot', [CompletionResultType]::ParameterValue, 'Capture evidence to a snapshot file, to replay with `diagnose --from`')
            [CompletionResult]::new('runbook', 'runbook', [CompletionResultType]::ParameterValue, 'List, show or validate runbooks')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print shell completions (also committed under completions/)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'masst;help;diagnose' {
            break
        }
        'masst;help;snapshot' {
            [CompletionResult]::new('capture', 'capture', [CompletionResultType]::ParameterValue, 'Collect the evidence the runbooks need and write it as a snapshot (stdout by default)')
            break
        }
        'masst;help;snapshot;capture' {
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
