/*
** test_sha256.c: host/sha256.c against the FIPS 180-4 examples, the lengths around the padding
** boundary (55, 56, 63, 64 bytes) and input fed in uneven pieces. spec/cli/pack_spec.lua checks
** more lengths against the sha256sum command.
*/
#include "ctest.h"
#include "base/sha256.h"

static void test_vectors(void) {
  char hex[65];
  sha256_hex("", 0, hex);
  CHECK_STR(hex, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  sha256_hex("abc", 3, hex);
  CHECK_STR(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  const char *two = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
  sha256_hex(two, strlen(two), hex);
  CHECK_STR(hex, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

static void test_million_a_in_pieces(void) {
  static char a[1000000];
  memset(a, 'a', sizeof a);
  sha256_ctx c;
  unsigned char d[32];
  sha256_init(&c);
  for (size_t at = 0, step = 1; at < sizeof a; at += step, step = step * 3 % 1000 + 1)
    sha256_update(&c, a + at, at + step > sizeof a ? sizeof a - at : step);
  sha256_final(&c, d);
  CHECK_INT(d[0], 0xcd);
  CHECK_INT(d[31], 0xd0);
  char hex[65];
  sha256_hex(a, sizeof a, hex);
  CHECK_STR(hex, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

static void test_boundaries(void) {
  char hex[65], buf[64];
  memset(buf, 'x', sizeof buf);
  sha256_hex(buf, 55, hex);
  CHECK_STR(hex, "d5e285683cd4efc02d021a5c62014694958901005d6f71e89e0989fac77e4072");
  sha256_hex(buf, 56, hex);
  CHECK_STR(hex, "04c26261370ee7541549d16dee320c723e3fd14671e66a099afe0a377c16888e");
  sha256_hex(buf, 64, hex);
  CHECK_STR(hex, "7ce100971f64e7001e8fe5a51973ecdfe1ced42befe7ee8d5fd6219506b5393c");
}

int main(void) {
  RUN(test_vectors);
  RUN(test_million_a_in_pieces);
  RUN(test_boundaries);
  return ct_summary();
}
