// A test that needs what this machine lacks ends with CTest's skip code, saying why: never a silent pass.
#pragma once

#include <cstdlib>
#include <iostream>
#include <string>

namespace kiosk::testing {

// The code kiosk_test() gives ctest as SKIP_RETURN_CODE (tests/CMakeLists.txt).
inline constexpr int kSkipReturnCode = 77;

// Call before the test makes anything that needs cleaning up: the process ends here.
[[noreturn]] inline void skipTest(const std::string& why) {
    std::cout << "SKIPPED: " << why << std::endl;
    std::exit(kSkipReturnCode);
}

}  // namespace kiosk::testing
