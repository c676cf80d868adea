{
  "targets": [
    {
      "target_name": "shushi_native",
      "sources": ["src/shushi_native.cc"],
      "include_dirs": [
        "<!(node -p \"require('node-addon-api').include_dir\")",
        "/usr/include/x86_64-linux-gnu/openblas-pthread",
        "/usr/include/x86_64-linux-gnu"
      ],
      "defines": ["NAPI_VERSION=8", "NAPI_DISABLE_CPP_EXCEPTIONS"],
      "cflags_cc": ["-O2", "-std=c++17"],
      "libraries": ["-llapacke", "-lopenblas"]
    }
  ]
}
