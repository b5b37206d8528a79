# GitHub runner job hook (ACTIONS_RUNNER_HOOK_JOB_COMPLETED): post-job snapshot, stop the job's
# session invoker (never the daemon's), report LVCompare/LabVIEW left running, clean old sessions.
# It never fails the job.
$bin = if ($env:INVOKER_SUPERVISOR_BIN) { $env:INVOKER_SUPERVISOR_BIN } else { Join-Path $PSScriptRoot '..\invoker-supervisor.exe' }
$config = if ($env:INVOKER_SUPERVISOR_CONFIG) { $env:INVOKER_SUPERVISOR_CONFIG } else { Join-Path $PSScriptRoot '..\supervisor.json' }
$arguments = @('hook', 'job-completed', '--config', $config)
if ($env:INVOKER_SUPERVISOR_STATE_DIR) { $arguments += @('--state-dir', $env:INVOKER_SUPERVISOR_STATE_DIR) }
& $bin @arguments
if ($LASTEXITCODE -ne 0) { Write-Output "invoker-supervisor job-completed: exit $LASTEXITCODE (ignored)" }
exit 0
