import { useThemeAttribute } from '../themeAttribute';
import { PresentApp } from './PresentApp';

/** `?present`: the presentation as the whole page; leaving opens the same address without `present`. */
export function PresentPage({ workspaceUrl }: { workspaceUrl: string }) {
  useThemeAttribute();
  return (
    <div className="present-overlay">
      <PresentApp
        onLeave={() => {
          if (document.fullscreenElement) void document.exitFullscreen?.().catch(() => {});
          window.location.assign(workspaceUrl);
        }}
        fullscreenTarget={() => document.documentElement}
      />
    </div>
  );
}
