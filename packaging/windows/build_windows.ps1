# Build VIP Desk's Windows installer on a Windows x64 PC (PyInstaller builds for the system it
# runs on, so this cannot be done from Linux). Needs Python 3.11 x64 (python.org, "py" launcher)
# and NSIS 3 (makensis on PATH, or in its default folder). From the repository root:
#   powershell -ExecutionPolicy Bypass -File packaging\windows\build_windows.ps1
# Result: dist\vipdesk-VERSION-setup.exe. Steps: a build venv with the run-time dependencies
# from wheels only and PyInstaller; PyInstaller builds packaging\vipdesk.spec into
# dist\vipdesk (vipdesk.exe without a console, vipdesk-cli.exe with one); a check that
# vipdesk-cli.exe --version answers; makensis packs the installer.
$ErrorActionPreference = "Stop"
$root = Resolve-Path (Join-Path $PSScriptRoot "..\..")
Set-Location $root
$version = (& py -3.11 -c "import app; print(app.__version__)").Trim()
if ($LASTEXITCODE -ne 0) { throw "Python 3.11 (py -3.11) is needed" }
$cache = Join-Path $env:LOCALAPPDATA "vipdesk-build"
$venv = Join-Path $cache "venv"
$reqs = Join-Path $cache "requirements.txt"
New-Item -ItemType Directory -Force -Path $cache | Out-Null
& py -3.11 packaging\deps.py | Set-Content -Encoding utf8 $reqs
Add-Content -Encoding utf8 $reqs "pyinstaller>=6.10"
if (-not (Test-Path "$venv\Scripts\python.exe")) { & py -3.11 -m venv $venv }
& "$venv\Scripts\python.exe" -m pip install --only-binary=:all: -r $reqs
if ($LASTEXITCODE -ne 0) { throw "the dependencies do not install from wheels" }
& "$venv\Scripts\pyinstaller.exe" --noconfirm --distpath dist --workpath (Join-Path $cache "work") packaging\vipdesk.spec
if ($LASTEXITCODE -ne 0) { throw "PyInstaller failed" }
$said = (& dist\vipdesk\vipdesk-cli.exe --version).Trim()
if ($said -ne "VIP Desk $version") { throw "vipdesk-cli.exe --version said '$said'" }
$makensis = (Get-Command makensis -ErrorAction SilentlyContinue).Source
if (-not $makensis) { $makensis = "${env:ProgramFiles(x86)}\NSIS\makensis.exe" }
& $makensis "/DVERSION=$version" "/DBUNDLE=$root\dist\vipdesk" "/DOUTFILE=$root\dist\vipdesk-$version-setup.exe" packaging\windows\vipdesk.nsi
if ($LASTEXITCODE -ne 0) { throw "makensis failed" }
Write-Host "built dist\vipdesk-$version-setup.exe"
