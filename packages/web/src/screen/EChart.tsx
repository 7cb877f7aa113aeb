import { useEffect, useRef } from 'react';
import { init, type ChartOption, type ECharts } from './echarts';

/** One ECharts instance bound to a div: resized with its box, disposed on unmount. */
export function EChart({ option, className, label }: { option: ChartOption; className?: string; label: string }) {
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const instance = init(element, 'dark', { renderer: 'canvas' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option);
  }, [option]);

  return <div ref={container} className={className} role="img" aria-label={label} />;
}
