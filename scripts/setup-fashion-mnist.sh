#!/usr/bin/env bash
# Installs the full Fashion-MNIST (60 000 training + 10 000 test images) from Debian's
# dataset-fashion-mnist package into /usr/share/datasets/fashion-mnist, where `qprune evolve`,
# `qprune finetune`, `qprune eval --model resnet20` and `qprune train --config configs/train-resnet20.json`
# look by default. Without it those commands fall back to a split of whatever test split is given
# with --data, and say so.
set -euo pipefail
DIR=/usr/share/datasets/fashion-mnist
if [ -f "$DIR/train-images-idx3-ubyte.gz" ] && [ -f "$DIR/t10k-images-idx3-ubyte.gz" ]; then
  echo "Fashion-MNIST already in $DIR"
  exit 0
fi
SUDO=""
if [ "$(id -u)" != 0 ]; then
  SUDO=sudo
fi
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq dataset-fashion-mnist
ls -l "$DIR"
