// main() of the property test programs: GoogleTest, with a bounded RapidCheck default for ctest.
// ctest sets FMCONF_PROPERTY_DEFAULT_PARAMS (e.g. "max_success=200"); it becomes RC_PARAMS
// unless RC_PARAMS is already set, so `RC_PARAMS="max_success=100000"` always wins.
#include <cstdlib>

#include <gtest/gtest.h>

int main(int argc, char** argv) {
  const char* defaults = std::getenv("FMCONF_PROPERTY_DEFAULT_PARAMS");
  if (defaults && !std::getenv("RC_PARAMS")) setenv("RC_PARAMS", defaults, 0);
  ::testing::InitGoogleTest(&argc, argv);
  return RUN_ALL_TESTS();
}
