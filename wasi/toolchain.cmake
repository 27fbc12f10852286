# SPDX-License-Identifier: MIT
# CMake toolchain for wasm32-wasi. Prefers a wasi-sdk named by WASI_SDK_PATH; otherwise
# uses Debian's clang with the wasi-libc and compiler-rt packages (no sysroot flag needed).
set(CMAKE_SYSTEM_NAME Generic)
set(CMAKE_SYSTEM_PROCESSOR wasm32)
set(triple wasm32-wasi)

if(DEFINED ENV{WASI_SDK_PATH} AND EXISTS "$ENV{WASI_SDK_PATH}/bin/clang")
  set(WASI_SDK_PATH "$ENV{WASI_SDK_PATH}")
  set(CMAKE_C_COMPILER "${WASI_SDK_PATH}/bin/clang")
  set(CMAKE_AR "${WASI_SDK_PATH}/bin/llvm-ar" CACHE FILEPATH "")
  set(CMAKE_RANLIB "${WASI_SDK_PATH}/bin/llvm-ranlib" CACHE FILEPATH "")
  set(CMAKE_SYSROOT "${WASI_SDK_PATH}/share/wasi-sysroot")
else()
  find_program(WASI_CLANG NAMES clang clang-16 clang-14 REQUIRED)
  set(CMAKE_C_COMPILER "${WASI_CLANG}")
  find_program(WASI_AR NAMES llvm-ar llvm-ar-16 llvm-ar-14 REQUIRED)
  set(CMAKE_AR "${WASI_AR}" CACHE FILEPATH "")
  find_program(WASI_RANLIB NAMES llvm-ranlib llvm-ranlib-16 llvm-ranlib-14 REQUIRED)
  set(CMAKE_RANLIB "${WASI_RANLIB}" CACHE FILEPATH "")
endif()

set(CMAKE_C_COMPILER_TARGET ${triple})
set(CMAKE_TRY_COMPILE_TARGET_TYPE STATIC_LIBRARY)
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
