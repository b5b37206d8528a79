# GitHub runner job hook (ACTIONS_RUNNER_HOOK_JOB_STARTED), run by the runner as
# pwsh -command ". 'job-started.ps1'". Thin on purpose: the binary keeps its own --deadline.
# A non-zero exit fails the job; that happens only with INVOKER_SUPERVISOR_REQUIRE_READY=1.
$bin = if ($env:INVOKER_SUPERVISOR_BIN) { $env:INVOKER_SUPERVISOR_BIN } else { Join-Path $PSScriptRoot '..\invoker-supervisor.exe' }
$config = if ($env:INVOKER_SUPERVISOR_CONFIG) { $env:INVOKER_SUPERVISOR_CONFIG } else { Join-Path $PSScriptRoot '..\supervisor.json' }
$deadline = if ($env:INVOKER_SUPERVISOR_DEADLINE) { $env:INVOKER_SUPERVISOR_DEADLINE } else { '120' }
$arguments = @('hook', 'job-started', '--config', $config, '--deadline', $deadline)
if ($env:INVOKER_SUPERVISOR_STATE_DIR) { $arguments += @('--state-dir', $env:INVOKER_SUPERVISOR_STATE_DIR) }
if ($env:INVOKER_SUPERVISOR_REQUIRE_READY -eq '1') { $arguments += '--require-ready' }
& $bin @arguments
exit $LASTEXITCODE
