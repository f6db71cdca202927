import { describe, expect, it } from "vitest";
import { charsetOf, decodeText } from "../../src/briefings/charset.ts";
import { isPrivateAddress } from "../../src/library/ingest/private-address.ts";
import { windows1252 } from "../support/article-pages.ts";

describe("decoding a page or file by the charset it declares", () => {
  const text = "Le café “Chez Léa” — l’été";
  it("reads the header's charset, a <meta charset>, a BOM, and falls back to windows-1252 for bytes that are not UTF-8", () => {
    expect(charsetOf('text/html; charset="Windows-1252"')).toBe("windows-1252");
    expect(decodeText(windows1252(text), "windows-1252")).toBe(text);
    expect(decodeText(Buffer.concat([Buffer.from('<meta charset="cp1252">'), windows1252(text)]))).toContain(text);
    expect(decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]), "windows-1252")).toBe(text);
    expect(decodeText(windows1252(text))).toBe(text);
    expect(decodeText(Buffer.from(text), "no-such-charset")).toBe(text);
  });
});

describe("addresses the fetcher refuses", () => {
  it("loopback, private, link-local, CGNAT, unspecified, IPv6 local and IPv4-mapped ones; not public ones", () => {
    for (const a of ["127.0.0.1", "10.2.3.4", "172.20.0.1", "192.168.1.1", "169.254.169.254", "100.64.0.1", "0.0.0.0"])
      expect(isPrivateAddress(a)).toBe(true);
    for (const a of ["::1", "::", "fd00::1", "fe80::1", "::ffff:127.0.0.1", "::ffff:7f00:1", "[::1]"])
      expect(isPrivateAddress(a)).toBe(true);
    for (const a of ["93.184.216.34", "8.8.8.8", "2606:4700::1111", "172.32.0.1"])
      expect(isPrivateAddress(a)).toBe(false);
  });
});
