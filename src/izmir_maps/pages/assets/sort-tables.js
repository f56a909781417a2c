// Sortable tables (table.sortable): each header's content is wrapped in a real
// <button>, so the tab key reaches it and Enter / Space sort like a click; the
// <th> carries aria-sort so screen readers announce the order. Cells sort by
// their machine value (data-v): numbers as numbers, text in Turkish order,
// missing values (data-v="") last whichever the direction.
(function(){
  "use strict";

  function isMissing(v){ return v===null||v===""; }

  function compare(x,y){
    var nx=parseFloat(x),ny=parseFloat(y);
    if(!isNaN(nx)&&!isNaN(ny)){ return nx-ny; }
    return String(x).localeCompare(String(y),"tr");
  }

  function sortBy(table,headers,index){
    var th=headers[index],body=table.tBodies[0],
        rows=Array.prototype.slice.call(body.rows),
        asc=th.getAttribute("aria-sort")!=="ascending";
    rows.sort(function(a,b){
      var x=a.cells[index].getAttribute("data-v"),y=b.cells[index].getAttribute("data-v");
      if(isMissing(x)||isMissing(y)){ return (isMissing(x)?1:0)-(isMissing(y)?1:0); }
      return asc?compare(x,y):-compare(x,y);
    });
    rows.forEach(function(r){ body.appendChild(r); });
    headers.forEach(function(h){ h.setAttribute("aria-sort","none"); });
    th.setAttribute("aria-sort",asc?"ascending":"descending");
  }

  function makeSortable(table){
    var headers=Array.prototype.slice.call(table.querySelectorAll("thead th"));
    headers.forEach(function(th,i){
      var button=document.createElement("button");
      button.type="button";
      button.className="sort";
      while(th.firstChild){ button.appendChild(th.firstChild); }
      th.appendChild(button);
      th.classList.add("sortable");
      th.setAttribute("aria-sort","none");
      // a <button> turns Enter and Space into a click by itself
      button.addEventListener("click",function(){ sortBy(table,headers,i); });
    });
  }

  Array.prototype.forEach.call(document.querySelectorAll("table.sortable"),makeSortable);
})();
