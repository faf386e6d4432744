; VIP Desk's Windows installer (NSIS 3, Unicode), built from the PyInstaller folder by
; packaging/windows/build_windows.ps1:
;   makensis /DVERSION=0.1.0 /DBUNDLE=dist\vipdesk /DOUTFILE=dist\vipdesk-0.1.0-setup.exe packaging\windows\vipdesk.nsi
; Installs for all users in Program Files, with Start menu and desktop shortcuts and an
; uninstaller; the settings folder C:\ProgramData\VIPDesk (vipdesk.ini) is created and kept on
; uninstall, so IT can push the file before or after. Silent: vipdesk-setup.exe /S [/D=folder].

Unicode true
SetCompressor /SOLID lzma
RequestExecutionLevel admin

!ifndef VERSION
  !error "pass /DVERSION=x.y.z"
!endif
!ifndef BUNDLE
  !error "pass /DBUNDLE=<the PyInstaller folder dist\vipdesk>"
!endif
!ifndef OUTFILE
  !define OUTFILE "vipdesk-${VERSION}-setup.exe"
!endif

!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\VIPDesk"

Name "VIP Desk ${VERSION}"
OutFile "${OUTFILE}"
InstallDir "$PROGRAMFILES64\VIP Desk"
InstallDirRegKey HKLM "${UNINSTALL_KEY}" "InstallLocation"
VIProductVersion "${VERSION}.0"
VIAddVersionKey "ProductName" "VIP Desk"
VIAddVersionKey "ProductVersion" "${VERSION}"
VIAddVersionKey "FileVersion" "${VERSION}"
VIAddVersionKey "FileDescription" "VIP Desk installer"
VIAddVersionKey "LegalCopyright" "Proprietary"

Page directory
Page instfiles
UninstPage uninstConfirm
UninstPage instfiles

Section "VIP Desk"
  SetShellVarContext all
  SetOutPath "$INSTDIR"
  RMDir /r "$INSTDIR\_internal"          ; an upgrade replaces the old libraries whole
  File /r "${BUNDLE}\*.*"
  CreateDirectory "$APPDATA\VIPDesk"      ; C:\ProgramData\VIPDesk: vipdesk.ini goes here
  CreateShortcut "$SMPROGRAMS\VIP Desk.lnk" "$INSTDIR\vipdesk.exe"
  CreateShortcut "$DESKTOP\VIP Desk.lnk" "$INSTDIR\vipdesk.exe"
  WriteUninstaller "$INSTDIR\uninstall.exe"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayName" "VIP Desk"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "Publisher" "VIP Desk"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\vipdesk.exe"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKLM "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKLM "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKLM "${UNINSTALL_KEY}" "NoRepair" 1
SectionEnd

Section "Uninstall"
  SetShellVarContext all
  Delete "$SMPROGRAMS\VIP Desk.lnk"
  Delete "$DESKTOP\VIP Desk.lnk"
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\vipdesk.exe"
  Delete "$INSTDIR\vipdesk-cli.exe"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  DeleteRegKey HKLM "${UNINSTALL_KEY}"
SectionEnd
