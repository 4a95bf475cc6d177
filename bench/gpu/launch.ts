import type { ProbeResult } from './protocol';

/** Chromium flags under which headless Chromium may reach a hardware GPU, tried in order. */
export interface LaunchProfile {
  name: string;
  args: string[];
  /**
   * Whether tfjs trains on the software GPU backends under it, for their labelled figures on a
   * machine without a GPU. Under `vulkan` on SwiftShader it does not (Chromium 156): tfjs's WebGL
   * context asks `failIfMajorPerformanceCaveat` and is refused, and WebGPU in a worker fails its
   * first `mapAsync` ("A valid external Instance reference no longer exists").
   */
  softwareTimings: boolean;
}

/**
 * Headless Chromium renders with SwiftShader unless told otherwise: `--enable-gpu` lifts that,
 * `--ignore-gpu-blocklist` keeps a driver the blocklist names, and WebGPU needs
 * `--enable-unsafe-webgpu` on Linux. ANGLE on Vulkan is Chrome's recommended headless GPU setup
 * (`--disable-vulkan-surface`: no display to present to); ANGLE on EGL reaches an NVIDIA or Mesa
 * driver without Vulkan. The last profile is Playwright's own launch, whose WebGL is SwiftShader.
 */
export const GPU_LAUNCH_PROFILES: readonly LaunchProfile[] = [
  {
    name: 'vulkan',
    args: [
      '--enable-gpu',
      '--ignore-gpu-blocklist',
      '--enable-unsafe-webgpu',
      '--enable-features=Vulkan,VulkanFromANGLE,DefaultANGLEVulkan',
      '--use-angle=vulkan',
      '--disable-vulkan-surface',
    ],
    softwareTimings: false,
  },
  {
    name: 'egl',
    args: ['--enable-gpu', '--ignore-gpu-blocklist', '--enable-unsafe-webgpu', '--use-gl=angle', '--use-angle=gl-egl'],
    softwareTimings: true,
  },
  { name: 'default', args: [], softwareTimings: true },
];

/** The GPU backends a probe found: on hardware (the app's automatic order has them) and in software. */
export interface GpuBackends {
  hardware: ('webgpu' | 'webgl')[];
  software: ('webgpu' | 'webgl')[];
  /** The adapter or renderer behind each backend, as the browser names it. */
  device: Partial<Record<'webgpu' | 'webgl', string>>;
  /** The app's verdict on each GPU backend, in words. */
  why: string;
  summary: Record<string, unknown>;
}

/** Splits a probe's GPU backends into hardware and software ones, by the app's own rules (`chooseBackendOrder`). */
export function gpuBackendsOf(probe: ProbeResult): GpuBackends {
  const { facts, order, reasons } = probe;
  const hardware = (['webgpu', 'webgl'] as const).filter((name) => order.includes(name));
  const present = { webgpu: facts.webgpu?.available === true, webgl: facts.webgl !== null };
  const software = (['webgpu', 'webgl'] as const).filter((name) => present[name] && !hardware.includes(name));
  const device: GpuBackends['device'] = {};
  if (facts.webgpu?.available) device.webgpu = [facts.webgpu.vendor, facts.webgpu.architecture].filter(Boolean).join(' ') || 'unnamed adapter';
  if (facts.webgl !== null) device.webgl = facts.webgl.renderer ?? 'hidden renderer';
  const why = `webgpu: ${reasons.webgpu ?? '?'}; webgl: ${reasons.webgl ?? '?'}`;
  return { hardware, software, device, why, summary: { hardware, software, device, webgpu: reasons.webgpu, webgl: reasons.webgl } };
}
