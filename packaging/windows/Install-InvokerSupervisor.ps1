<#
.SYNOPSIS
  Installs invoker-supervisor on a Windows self-hosted runner (run elevated, from the unzipped release).
.DESCRIPTION
  Copies the binary and hooks to -InstallDir, keeps an existing supervisor.json, registers the
  daemon as a Windows service that restarts on failure (or, with -ScheduledTask, as the logon
  Scheduled Task the seed repo used), and sets the job hook variables in the runner's .env.
  Running it again upgrades in place. -Uninstall reverses all of it (config and state are kept).
.EXAMPLE
  .\Install-InvokerSupervisor.ps1 -RunnerDir C:\actions-runner
.EXAMPLE
  .\Install-InvokerSupervisor.ps1 -RunnerDir C:\actions-runner -Uninstall
#>
param(
  [string]$InstallDir = (Join-Path $env:ProgramFiles 'invoker-supervisor'),
  [string]$RunnerDir,
  [string]$StateDir = (Join-Path $env:ProgramData 'invoker-supervisor'),
  [string]$ServiceName = 'InvokerSupervisor',
  [switch]$ScheduledTask,
  [switch]$Uninstall
)
$ErrorActionPreference = 'Stop'
$source = $PSScriptRoot
$exe = Join-Path $InstallDir 'invoker-supervisor.exe'
$config = Join-Path $InstallDir 'supervisor.json'
$envKeys = 'ACTIONS_RUNNER_HOOK_JOB_STARTED', 'ACTIONS_RUNNER_HOOK_JOB_COMPLETED', 'INVOKER_SUPERVISOR_CONFIG', 'INVOKER_SUPERVISOR_BIN', 'INVOKER_SUPERVISOR_STATE_DIR'

function Remove-RunnerEnvKeys([string]$dir) {
  $file = Join-Path $dir '.env'
  if (-not (Test-Path $file)) { return }
  $kept = Get-Content $file | Where-Object { $line = $_; -not ($envKeys | Where-Object { $line.StartsWith("$_=") }) }
  Set-Content -Path $file -Value $kept -Encoding utf8
}

function Remove-Daemon {
  if (Get-Service -Name $ServiceName -ErrorAction SilentlyContinue) {
    Stop-Service -Name $ServiceName -ErrorAction SilentlyContinue
    & sc.exe delete $ServiceName | Out-Null
  }
  if (Get-ScheduledTask -TaskName $ServiceName -ErrorAction SilentlyContinue) {
    Stop-ScheduledTask -TaskName $ServiceName -ErrorAction SilentlyContinue
    Unregister-ScheduledTask -TaskName $ServiceName -Confirm:$false
  }
}

if ($Uninstall) {
  Remove-Daemon
  if ($RunnerDir) { Remove-RunnerEnvKeys $RunnerDir }
  Remove-Item (Join-Path $InstallDir 'hooks'), $exe, (Join-Path $InstallDir 'invoker-supervisor-dispatch.exe') -Recurse -Force -ErrorAction SilentlyContinue
  Write-Output "invoker-supervisor uninstalled from $InstallDir (supervisor.json and $StateDir kept)"
  exit 0
}

Remove-Daemon
New-Item -ItemType Directory -Path $InstallDir, (Join-Path $InstallDir 'hooks'), $StateDir -Force | Out-Null
Copy-Item (Join-Path $source 'invoker-supervisor.exe') $exe -Force
Copy-Item (Join-Path $source 'invoker-supervisor-dispatch.exe') $InstallDir -Force
Get-ChildItem $source -Filter '*.dll' | Copy-Item -Destination $InstallDir -Force
Copy-Item (Join-Path $source 'hooks\*.ps1') (Join-Path $InstallDir 'hooks') -Force
if (-not (Test-Path $config)) { Copy-Item (Join-Path $source 'supervisor.example.json') $config }

$daemonArgs = "daemon --service --config `"$config`" --state-dir `"$StateDir`""
if ($ScheduledTask) {
  $action = New-ScheduledTaskAction -Execute $exe -Argument $daemonArgs
  $trigger = New-ScheduledTaskTrigger -AtLogOn
  $settings = New-ScheduledTaskSettingsSet -RestartCount 999 -RestartInterval (New-TimeSpan -Minutes 1) -ExecutionTimeLimit ([TimeSpan]::Zero)
  Register-ScheduledTask -TaskName $ServiceName -Action $action -Trigger $trigger -Settings $settings | Out-Null
  Start-ScheduledTask -TaskName $ServiceName
} else {
  New-Service -Name $ServiceName -BinaryPathName "`"$exe`" $daemonArgs" -DisplayName 'invoker-supervisor daemon' -StartupType Automatic | Out-Null
  # Restart on failure: after 5 s, 30 s, then every 60 s; the failure count resets after a day.
  & sc.exe failure $ServiceName reset= 86400 actions= restart/5000/restart/30000/restart/60000 | Out-Null
  & sc.exe failureflag $ServiceName 1 | Out-Null
  Start-Service -Name $ServiceName
}

if ($RunnerDir) {
  Remove-RunnerEnvKeys $RunnerDir
  Add-Content -Path (Join-Path $RunnerDir '.env') -Encoding utf8 -Value @(
    "ACTIONS_RUNNER_HOOK_JOB_STARTED=$(Join-Path $InstallDir 'hooks\job-started.ps1')",
    "ACTIONS_RUNNER_HOOK_JOB_COMPLETED=$(Join-Path $InstallDir 'hooks\job-completed.ps1')",
    "INVOKER_SUPERVISOR_CONFIG=$config",
    "INVOKER_SUPERVISOR_BIN=$exe",
    "INVOKER_SUPERVISOR_STATE_DIR=$StateDir")
}
Write-Output "invoker-supervisor installed in $InstallDir (daemon: $(if ($ScheduledTask) { 'scheduled task' } else { 'service' }) $ServiceName)"
