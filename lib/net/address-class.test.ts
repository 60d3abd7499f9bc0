import { describe, expect, it } from "vitest";
import { internalKind } from "./address-class";

describe("internalKind", () => {
  // Each expected kind is read off the IANA special-purpose registries (RFC 6890) by hand.
  it.each([
    ["127.0.0.1", "loopback"],
    ["127.255.1.2", "loopback"],
    ["10.1.2.3", "private"],
    ["172.16.0.1", "private"],
    ["172.31.255.255", "private"],
    ["192.168.1.10", "private"],
    ["100.64.0.1", "private"],
    ["169.254.169.254", "metadata"],
    ["169.254.10.1", "link-local"],
    ["0.0.0.0", "unspecified"],
    ["224.0.0.1", "multicast"],
    ["255.255.255.255", "reserved"],
    ["::1", "loopback"],
    ["::", "unspecified"],
    ["fd12:3456::1", "private"],
    ["fe80::1", "link-local"],
    ["fd00:ec2::254", "metadata"],
    ["::ffff:127.0.0.1", "loopback"],
    ["::ffff:7f00:1", "loopback"], // the same, as the URL parser writes it
    ["::ffff:a9fe:a9fe", "metadata"], // 169.254.169.254
    ["64:ff9b::10.0.0.1", "private"],
  ])("%s is %s", (ip, kind) => expect(internalKind(ip)).toBe(kind));

  it.each(["8.8.8.8", "172.32.0.1", "100.128.0.1", "1.1.1.1", "2606:4700::1111", "::ffff:8.8.8.8", "64:ff9b::8.8.8.8"])("%s is public", (ip) =>
    expect(internalKind(ip)).toBeNull(),
  );
});
