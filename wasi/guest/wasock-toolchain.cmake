# SPDX-License-Identifier: MIT
# CMake toolchain file for programs built with `wasock cc` and run with `wasock run`:
#   cmake -DCMAKE_TOOLCHAIN_FILE=<wasock>/wasi/guest/wasock-toolchain.cmake -S . -B build-wasm
set(CMAKE_SYSTEM_NAME WASI)
set(CMAKE_SYSTEM_VERSION 1)
set(CMAKE_SYSTEM_PROCESSOR wasm32)
set(CMAKE_C_COMPILER "${CMAKE_CURRENT_LIST_DIR}/bin/wasock-cc")
set(CMAKE_C_COMPILER_TARGET wasm32-wasi)
# Platform/WASI.cmake (programs end in .wasm, static libraries only).
list(APPEND CMAKE_MODULE_PATH "${CMAKE_CURRENT_LIST_DIR}/cmake")
find_program(WASOCK_AR NAMES llvm-ar llvm-ar-16 llvm-ar-14)
find_program(WASOCK_RANLIB NAMES llvm-ranlib llvm-ranlib-16 llvm-ranlib-14)
set(CMAKE_AR "${WASOCK_AR}" CACHE FILEPATH "")
set(CMAKE_RANLIB "${WASOCK_RANLIB}" CACHE FILEPATH "")
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
