#include "api/minimal_pe.hpp"

namespace fmconf {

const Bytes& minimal_pe() {
  static const Bytes bytes = {
#include "api/minimal_pe_bytes.inc"
  };
  return bytes;
}

}  // namespace fmconf
