const { checkSync } = require('recheck');
const inc = 'increase|increases|increased|increasing|grew|grow|grows|growing|growth|rose|rise|rises|risen|rising|up|gain|gains|gained|expand|expands|expanded|expanding|expansion|improve|improves|improved|improvement|accelerate|accelerated|accelerating|acceleration|jump|jumps|jumped|surge|surged|surges|climb|climbs|climbed|higher|doubled|tripled|added|topped|raised|boost|boosts|boosted';
const dec = 'decrease|decreases|decreased|decreasing|decline|declines|declined|declining|fell|fall|falls|falling|drop|drops|dropped|down|reduce|reduces|reduced|reducing|reduction|lower|shrink|shrinks|shrank|shrinking|shrunk|narrow|narrows|narrowed|narrowing|contract|contracts|contracted|contraction|decelerate|decelerated|decelerating|deceleration|cut|slid|slowed|dipped';
for (const [src, flags] of [[`\\b(?:(${inc})|(${dec}))\\b`, 'gi'], [' ([\\p{L}\\d]+)', 'uy'], ['(?<![A-Za-z\\d\\\\,.])([A-Za-z]*)(\\d+(?:\\\\?,\\d{3}(?!\\d))*(?:\\\\?\\.\\d+)?)([A-Za-z][A-Za-z\\d]*)?', 'y'], ['(?<![\\d,.])\\d+(?:,\\d{3}(?!\\d))*(?:\\.\\d+)?(?![\\d.]|[A-Za-z]{3})', 'y'], [' [a-z]+(?![\\p{L}])', 'uy']]) {
  const t = Date.now(); const r = checkSync(src, flags, { timeout: 10000 });
  console.log(r.status, Date.now() - t, src.slice(0, 50), r.attack ? r.attack.pattern : '', r.error ? JSON.stringify(r.error) : '');
}
