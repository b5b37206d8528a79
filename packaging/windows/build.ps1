<#
.SYNOPSIS
  Builds the release zip of invoker-supervisor for Windows.
.DESCRIPTION
  swift build -c release (with the Swift runtime linked statically where the toolchain supports it),
  then a zip with the binary, the job hooks, the example config, the schemas and the installer.
  Run from the repository root in a shell where 'swift' works (e.g. after compnerd/gha-setup-swift).
.PARAMETER Output
  The zip to write (default: dist\invoker-supervisor-windows-x64.zip).
#>
param([string]$Output = 'dist\invoker-supervisor-windows-x64.zip')
$ErrorActionPreference = 'Stop'

$static = @('--static-swift-stdlib')
& swift build -c release @static
if ($LASTEXITCODE -ne 0) {
  Write-Warning 'static Swift runtime not available with this toolchain; building with the dynamic runtime'
  & swift build -c release
  if ($LASTEXITCODE -ne 0) { throw "swift build failed ($LASTEXITCODE)" }
  $static = @()
}
$bin = (& swift build -c release --show-bin-path @static).Trim()

$stage = Join-Path ([System.IO.Path]::GetTempPath()) ("invoker-supervisor-" + [guid]::NewGuid())
New-Item -ItemType Directory -Path (Join-Path $stage 'hooks'), (Join-Path $stage 'schemas') -Force | Out-Null
Copy-Item (Join-Path $bin 'invoker-supervisor.exe'), (Join-Path $bin 'invoker-supervisor-dispatch.exe') $stage
if ($static.Count -eq 0) {
  # The dynamic runtime's DLLs must travel with the binary.
  Get-ChildItem $bin -Filter '*.dll' | Copy-Item -Destination $stage
}
Copy-Item 'packaging\hooks\*.ps1' (Join-Path $stage 'hooks')
Copy-Item 'packaging\examples\supervisor.json' (Join-Path $stage 'supervisor.example.json')
Copy-Item 'packaging\windows\Install-InvokerSupervisor.ps1' $stage
Copy-Item 'docs\schemas\*.json' (Join-Path $stage 'schemas')

New-Item -ItemType Directory -Path (Split-Path $Output) -Force | Out-Null
if (Test-Path $Output) { Remove-Item $Output }
Compress-Archive -Path (Join-Path $stage '*') -DestinationPath $Output
Remove-Item $stage -Recurse -Force
Write-Output "built $Output"
