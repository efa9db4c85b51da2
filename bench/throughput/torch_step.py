"""PyTorch reference for the training-step throughput benchmark (bench/throughput/run.sh).

Builds the same network as MMDC Studio's COMPACT backbone (4 x [conv3x3 -> BN -> ReLU -> max-pool 2],
widths w, 2w, 4w, 8w; global average pool; linear head to k, L2-normalised), and times the MMDC clustering
step: forward on a batch, MSE to unit targets, backward, SGD with momentum 0.9 and weight decay 5e-4.
Prints one line: "torch <img/s median> <img/s per repeat...>".
"""
import argparse
import statistics
import time

import torch
import torch.nn as nn
import torch.nn.functional as F


def make_net(width, k, channels):
    layers = []
    c_in = channels
    for stage in range(4):
        c_out = width << stage
        layers += [nn.Conv2d(c_in, c_out, 3, padding=1, bias=False), nn.BatchNorm2d(c_out), nn.ReLU(inplace=True),
                   nn.MaxPool2d(2)]
        c_in = c_out
    body = nn.Sequential(*layers, nn.AdaptiveAvgPool2d(1), nn.Flatten())
    return body, nn.Linear(c_in, k), nn.Linear(c_in, 4)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--batch", type=int, default=256)
    p.add_argument("--size", type=int, default=32)
    p.add_argument("--width", type=int, default=16)
    p.add_argument("--k", type=int, default=10)
    p.add_argument("--channels", type=int, default=1)
    p.add_argument("--steps", type=int, default=30)
    p.add_argument("--repeats", type=int, default=5)
    p.add_argument("--threads", type=int, default=2)
    a = p.parse_args()
    torch.set_num_threads(a.threads)
    torch.manual_seed(1)
    body, head, rot = make_net(a.width, a.k, a.channels)
    params = list(body.parameters()) + list(head.parameters()) + list(rot.parameters())
    opt = torch.optim.SGD(params, lr=0.05, momentum=0.9, weight_decay=5e-4)
    x = torch.rand(a.batch, a.channels, a.size, a.size)
    y = F.normalize(torch.rand(a.batch, a.k), dim=1)

    def step():
        emb = F.normalize(head(body(x)), dim=1)
        loss = F.mse_loss(emb, y)
        opt.zero_grad(set_to_none=False)
        loss.backward()
        opt.step()

    for _ in range(5):
        step()
    rates = []
    for _ in range(a.repeats):
        t0 = time.perf_counter()
        for _ in range(a.steps):
            step()
        rates.append(a.steps * a.batch / (time.perf_counter() - t0))
    print("torch", round(statistics.median(rates), 1), " ".join(str(round(r, 1)) for r in rates))


if __name__ == "__main__":
    main()
