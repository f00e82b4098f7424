package io.qprune.formulation.eval;

/** PSNR and SSIM of one image's denoised output, and the PSNR of its noisy input. */
public record ImageScore(String name, double psnr, double ssim, double noisyPsnr) {}
