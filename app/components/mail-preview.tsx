import { useEffect, useRef } from "react";

/**
 * An email's HTML as it will look, in a frame sandboxed without scripts, forms, pop-ups or
 * navigation. `allow-same-origin` (safe without `allow-scripts`: nothing in the frame can run)
 * keeps the frame part of the page, so Chromium paints it even off screen (a cross-origin frame
 * stayed blank in a full-page screenshot until scrolled to), and lets the page's script fit its
 * height to the email. It loads eagerly, from srcdoc; without JavaScript it keeps its CSS height.
 */
export function MailPreview({ html }: { html: string }) {
  const frame = useRef<HTMLIFrameElement>(null);
  useEffect(() => {
    const element = frame.current;
    if (!element) return;
    const fit = () => {
      // The frame's document has no root element yet while it is still loading (a busy machine).
      const height = element.contentDocument?.documentElement?.scrollHeight;
      if (height) element.style.height = `${height + 2}px`;
    };
    fit();
    element.addEventListener("load", fit);
    return () => element.removeEventListener("load", fit);
  }, [html]);
  return (
    <iframe
      ref={frame}
      title="The email as HTML"
      sandbox="allow-same-origin"
      loading="eager"
      srcDoc={html}
      className="mail-frame"
    />
  );
}
