"""Stores a workbook as a password-protected .xlsx (or .xls) through LibreOffice (python3-uno): the real encrypted file.

Usage: /usr/bin/python3 scripts/lo-encrypt.py INPUT.xlsx OUTPUT.xlsx|OUTPUT.xls PASSWORD
Starts its own headless soffice on a loopback port with a private profile, and stops it when done.
The result is an OLE compound file (EncryptionInfo + EncryptedPackage, ECMA-376 Standard encryption),
what Excel writes for "Encrypt with Password"; LibreOffice 7.4 cannot write the newer Agile variant.
With an OUTPUT ending in .xls: an Excel 97-2003 workbook (BIFF8) saved with a password, i.e. with a FILEPASS
record (RC4 CryptoAPI), as Excel 2003's "Password to open" writes it.
"""
import os
import shutil
import subprocess
import sys
import tempfile
import time

import uno
from com.sun.star.beans import NamedValue, PropertyValue


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def named(name, value):
    n = NamedValue()
    n.Name = name
    n.Value = value
    return n


def main():
    src, dst, password = sys.argv[1], sys.argv[2], sys.argv[3]
    work = tempfile.mkdtemp(prefix="danvan-lo-uno-")
    # Work on a copy: LibreOffice leaves a ".~lock" file beside what it opens.
    source = os.path.join(work, "source.xlsx")
    shutil.copyfile(src, source)
    legacy = dst.lower().endswith(".xls")
    target = os.path.join(work, "encrypted.xls" if legacy else "encrypted.xlsx")
    port = 20000 + os.getpid() % 20000
    office = subprocess.Popen(
        [
            "soffice",
            "-env:UserInstallation=file://" + os.path.join(work, "profile"),
            "--headless",
            "--invisible",
            "--nologo",
            "--norestore",
            "--accept=socket,host=127.0.0.1,port=%d;urp;" % port,
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        ctx = None
        for _ in range(240):
            try:
                ctx = resolver.resolve("uno:socket,host=127.0.0.1,port=%d;urp;StarOffice.ComponentContext" % port)
                break
            except Exception:
                time.sleep(0.25)
        if ctx is None:
            raise SystemExit("lo-encrypt: could not connect to soffice")
        desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        doc = None
        for _ in range(40):
            doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(source), "_blank", 0, (prop("Hidden", True),))
            if doc is not None:
                break
            time.sleep(0.25)
        if doc is None:
            raise SystemExit("lo-encrypt: could not load " + src)
        if legacy:
            # The binary export encrypts when the media descriptor carries a Password (the Save dialog's).
            args = (prop("FilterName", "MS Excel 97"), prop("Password", password))
        else:
            # The OOXML export encrypts when EncryptionData carries "OOXPassword" (what the Save dialog passes).
            encryption = uno.Any(
                "[]com.sun.star.beans.NamedValue",
                (named("OOXPassword", password), named("CryptoType", "Standard")),
            )
            args = (prop("FilterName", "Calc MS Excel 2007 XML"), prop("EncryptionData", encryption))
        uno.invoke(doc, "storeToURL", (uno.systemPathToFileUrl(target), uno.Any("[]com.sun.star.beans.PropertyValue", args)))
        doc.close(True)
        try:
            desktop.terminate()
        except Exception:
            pass  # the bridge drops as soffice exits
        with open(target, "rb") as f:
            data = f.read()
            if data[:8] != bytes.fromhex("d0cf11e0a1b11ae1"):
                raise SystemExit("lo-encrypt: the result is not an encrypted container")
            # BIFF8 BOF of the workbook globals, then FILEPASS (0x002F).
            bof = bytes.fromhex("0908100000060500")
            if legacy and data[data.find(bof) + 20:data.find(bof) + 22] != bytes.fromhex("2f00"):
                raise SystemExit("lo-encrypt: the .xls has no FILEPASS record")
        shutil.copyfile(target, dst)
    finally:
        try:
            office.wait(timeout=30)
        except subprocess.TimeoutExpired:
            office.kill()
            office.wait()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
